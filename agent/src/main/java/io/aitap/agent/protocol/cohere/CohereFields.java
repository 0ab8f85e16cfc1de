package io.aitap.agent.protocol.cohere;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonValues;
import io.aitap.agent.protocol.json.EventFields;
import java.io.IOException;

/**
 * A v2 chat response, or its stream: {@code message-start} (id), {@code content-delta} (output),
 * {@code message-end} whose {@code delta} holds the finish reason and usage.
 */
final class CohereFields extends EventFields {

  CohereFields(ResponseFacts response) {
    super(response, "content-delta");
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
