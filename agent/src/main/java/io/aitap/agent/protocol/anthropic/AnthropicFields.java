package io.aitap.agent.protocol.anthropic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.SplitInputUsage;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonValues;
import io.aitap.agent.protocol.json.EventFields;
import io.aitap.agent.protocol.json.EventShape;
import java.io.IOException;

/**
 * A message, as one JSON body or as a stream: {@code message_start} carries the message with its
 * input and cache usage, {@code content_block_delta} events the output, {@code message_delta} the
 * stop reason and the cumulative output count (the last one counts), {@code error} a failure inside
 * a stream that began with 200. Also reads Anthropic's error body, {@code {"error": {"type": …}}}.
 */
final class AnthropicFields extends EventFields {

  /**
   * A named event (its {@code type} then says nothing new) read as {@link #onValue} would read it:
   * {@code content_block_delta} and {@code ping} are all but a few of a stream.
   */
  private static final EventShape NAMED_EVENT = EventShape.object(EventShape.IGNORED)
      .with("type", EventShape.IGNORED_SCALAR)
      .with("id", EventShape.ID)
      .with("model", EventShape.MODEL)
      .with("stop_reason", EventShape.READ)
      .with("usage", EventShape.READ)
      .with("error", EventShape.READ)
      .with("message", EventShape.READ)
      .with("delta", EventShape.object(EventShape.IGNORED).with("stop_reason", EventShape.READ));

  private final SplitInputUsage usage;

  AnthropicFields(ResponseFacts response) {
    super(response, "content_block_delta", null, NAMED_EVENT);
    this.usage = new SplitInputUsage(response, "input_tokens", "cache_read_input_tokens",
        "cache_creation_input_tokens", "output_tokens");
  }

  @Override
  public void onEventEnd() {
    super.onEventEnd();
    if ("error".equals(eventType)) {
      response.failedInBody = true;
    }
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    // message_start wraps the message one level down; everything else is read from the top
    int at = path.depth() > 1 && "message".equals(path.segment(0)) ? 1 : 0;
    int depth = path.depth() - at;
    String field = path.last();
    if (depth == 1) {
      topLevel(field, token, parser);
    } else if (depth == 2 && "usage".equals(path.segment(at))) {
      usage.read(field, token, parser);
    } else if (depth == 3 && "usage".equals(path.segment(at)) && "cache_creation".equals(path.segment(at + 1))) {
      cacheWriteByDuration(field, token, parser);
    } else if (depth == 2 && "delta".equals(path.segment(at)) && "stop_reason".equals(field)) {
      stopReason(token, parser);
    } else if (depth == 2 && "error".equals(path.segment(at)) && "type".equals(field)) {
      response.errorType = JsonValues.asText(token, parser);
    }
  }

  private void topLevel(String field, JsonToken token, JsonParser parser) throws IOException {
    if ("type".equals(field) && eventType == null && token == JsonToken.VALUE_STRING) {
      eventType = parser.getText();
    } else if ("stop_reason".equals(field)) {
      stopReason(token, parser);
    } else if (token == JsonToken.VALUE_STRING && "id".equals(field)) {
      response.id = parser.getText();
    } else if (token == JsonToken.VALUE_STRING && "model".equals(field)) {
      response.model = parser.getText();
    }
  }

  private void stopReason(JsonToken token, JsonParser parser) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      response.setFinishReason(parser.getText());
    }
  }

  /** 1-hour cache writes cost more than 5-minute ones; the total stays {@code cache_creation_input_tokens}. */
  private void cacheWriteByDuration(String field, JsonToken token, JsonParser parser) throws IOException {
    Long tokens = JsonValues.asLong(token, parser);
    if (tokens == null) {
      return;
    }
    if ("ephemeral_5m_input_tokens".equals(field)) {
      response.cacheCreation5mInputTokens = tokens;
    } else if ("ephemeral_1h_input_tokens".equals(field)) {
      response.cacheCreation1hInputTokens = tokens;
    }
  }
}
