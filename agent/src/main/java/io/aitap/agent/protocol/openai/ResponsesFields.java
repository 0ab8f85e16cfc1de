package io.aitap.agent.protocol.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonValues;
import io.aitap.agent.protocol.json.EventFields;
import io.aitap.agent.protocol.json.EventShape;
import java.io.IOException;

/**
 * The Responses API: a response object as the JSON body, or named events that carry it under
 * {@code response} ({@code response.created}, {@code response.completed}, {@code response.failed},
 * …) between {@code *.delta} events of output. Its finish reason is the response status, with the
 * reason of an incomplete one: {@code incomplete:max_output_tokens}.
 */
final class ResponsesFields extends EventFields {

  /** A named stream event without the response object ({@code *.delta} and the like) tells nothing new. */
  private static final EventShape NAMED_EVENT = EventShape.object(EventShape.IGNORED)
      .with("type", EventShape.IGNORED_SCALAR)
      .with("code", EventShape.READ)
      .with("response", EventShape.READ);

  /** In a stream the response object sits one level down, under "response". */
  private final int base;
  private String status;
  private String incompleteReason;

  ResponsesFields(ResponseFacts response, boolean stream) {
    super(response, null, null, stream ? NAMED_EVENT : null);
    this.base = stream ? 1 : 0;
  }

  @Override
  public void onEventEnd() {
    if (eventType == null) {
      return;
    }
    if (eventType.endsWith(".delta")) {
      response.chunk();
    } else if (eventType.equals("response.failed") || eventType.equals("error")) {
      response.failedInBody = true;
    }
  }

  /** Each event restates the status; the last terminal one is the finish reason. */
  private void updateFinishReason() {
    if (status == null || status.equals("in_progress") || status.equals("queued")) {
      return;
    }
    response.setFinishReason(
        status.equals("incomplete") && incompleteReason != null ? "incomplete:" + incompleteReason : status);
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (base == 1 && path.depth() == 1) {
      streamEventField(path.last(), token, parser);
      return;
    }
    if (base == 1 && !"response".equals(path.segment(0))) {
      return;
    }
    responseField(path, token, parser);
  }

  private void streamEventField(String field, JsonToken token, JsonParser parser) throws IOException {
    if ("type".equals(field) && eventType == null && token == JsonToken.VALUE_STRING) {
      eventType = parser.getText();
    } else if ("error".equals(eventType) && "code".equals(field)) {
      response.errorCode = JsonValues.asText(token, parser);
    }
  }

  private void responseField(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    int depth = path.depth() - base;
    String field = path.last();
    if (depth == 1 && token == JsonToken.VALUE_STRING) {
      String value = parser.getText();
      if ("id".equals(field)) {
        response.id = value;
      } else if ("model".equals(field)) {
        response.model = value;
      } else if ("status".equals(field)) {
        status = value;
        updateFinishReason();
      }
    } else if (depth == 2 && "incomplete_details".equals(path.segment(base)) && "reason".equals(field)) {
      incompleteReason = JsonValues.asText(token, parser);
      updateFinishReason();
    } else if (depth >= 2 && "usage".equals(path.segment(base))) {
      usage(path, depth, field, token, parser);
    } else if (OpenAiErrorFields.read(path, base, token, parser, response)) {
      response.failedInBody = true;
    }
  }

  private void usage(JsonPath path, int depth, String field, JsonToken token, JsonParser parser)
      throws IOException {
    if (depth == 2 && "input_tokens".equals(field)) {
      response.inputTokens = JsonValues.asLong(token, parser);
    } else if (depth == 2 && "output_tokens".equals(field)) {
      response.outputTokens = JsonValues.asLong(token, parser);
    } else if (depth == 3 && "cached_tokens".equals(field)
        && "input_tokens_details".equals(path.segment(base + 1))) {
      response.cacheReadInputTokens = JsonValues.asLong(token, parser);
    } else if (depth == 3 && "reasoning_tokens".equals(field)
        && "output_tokens_details".equals(path.segment(base + 1))) {
      response.reasoningOutputTokens = JsonValues.asLong(token, parser);
    }
  }
}
