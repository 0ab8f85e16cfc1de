package io.aitap.agent.protocol.cohere;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonValues;
import io.aitap.agent.protocol.json.EventFields;
import io.aitap.agent.protocol.json.EventShape;
import java.io.IOException;

/**
 * A v2 chat response, or its stream: {@code message-start} (id), {@code content-delta} (output),
 * {@code message-end} whose {@code delta} holds the finish reason and usage.
 */
final class CohereFields extends EventFields {

  /** What {@link #onValue} reads at the top and again under {@code delta}. */
  private static final EventShape FIELDS = EventShape.object(EventShape.IGNORED)
      .with("id", EventShape.ID)
      .with("type", EventShape.IGNORED_SCALAR)
      .with("finish_reason", EventShape.READ)
      .with("usage", EventShape.READ);
  /** A named event (its {@code type} then says nothing new): {@code content-delta} is most of a stream. */
  private static final EventShape NAMED_EVENT = FIELDS.with("delta", FIELDS);

  CohereFields(ResponseFacts response) {
    super(response, "content-delta", null, NAMED_EVENT);
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    int at = path.depth() > 1 && "delta".equals(path.segment(0)) ? 1 : 0;
    int depth = path.depth() - at;
    String field = path.last();
    if (depth == 1) {
      if ("id".equals(field) && token == JsonToken.VALUE_STRING && response.errorType == null) {
        response.id = parser.getText();
      } else if ("finish_reason".equals(field) && token == JsonToken.VALUE_STRING) {
        response.setFinishReason(parser.getText());
      } else if ("type".equals(field) && eventType == null && token == JsonToken.VALUE_STRING) {
        eventType = parser.getText();
      }
    } else if (depth == 2 && "usage".equals(path.segment(at)) && "cached_tokens".equals(field)) {
      response.cacheReadInputTokens = JsonValues.asLong(token, parser);
    } else if (depth == 3 && "usage".equals(path.segment(at)) && "tokens".equals(path.segment(at + 1))) {
      if ("input_tokens".equals(field)) {
        response.inputTokens = JsonValues.asLong(token, parser);
      } else if ("output_tokens".equals(field)) {
        response.outputTokens = JsonValues.asLong(token, parser);
      }
    }
  }
}
