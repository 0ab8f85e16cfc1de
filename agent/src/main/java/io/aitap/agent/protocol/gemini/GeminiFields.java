package io.aitap.agent.protocol.gemini;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonValues;
import io.aitap.agent.protocol.json.EventFields;
import java.io.IOException;

/**
 * A {@code GenerateContentResponse}, alone, as an element of a JSON-array stream, or as the data of
 * a server-sent event. Every chunk of a stream repeats a running {@code usageMetadata}; the last
 * one counts. Thinking tokens are not part of {@code candidatesTokenCount}, so output is their sum.
 * Errors: {@code {"error": {"status": "RESOURCE_EXHAUSTED", "details": [{"reason": …}]}}}.
 */
final class GeminiFields extends EventFields {

  private Long candidatesTokens;

  GeminiFields(ResponseFacts response) {
    super(response);
  }

  @Override
  public void onEnd(JsonPath path) {
    // in a JSON-array stream each element is one chunk
    if (path.is("[]")) {
      onEventEnd();
    }
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    int at = path.depth() > 0 && "[]".equals(path.segment(0)) ? 1 : 0;
    int depth = path.depth() - at;
    if (depth < 1) {
      return;
    }
    String first = path.segment(at);
    String field = path.last();
    if (depth == 1 && token == JsonToken.VALUE_STRING) {
      if ("modelVersion".equals(field)) {
        response.model = JsonValues.text(parser, response.model);
      } else if ("responseId".equals(field)) {
        response.id = JsonValues.text(parser, response.id);
      }
    } else if ("candidates".equals(first)) {
      candidate(depth, field, token, parser);
    } else if (depth == 2 && "usageMetadata".equals(first)) {
      usage(field, token, parser);
    } else if ("error".equals(first)) {
      error(depth, field, token, parser);
    }
  }

  private void candidate(int depth, String field, JsonToken token, JsonParser parser) throws IOException {
    if (depth == 3 && "finishReason".equals(field) && token == JsonToken.VALUE_STRING) {
      response.addFinishReason(parser.getText());
    } else if ("text".equals(field) && JsonValues.isNonEmptyString(token, parser)) {
      carriesOutput();
    }
  }

  private void usage(String field, JsonToken token, JsonParser parser) throws IOException {
    if ("promptTokenCount".equals(field)) {
      response.inputTokens = JsonValues.asLong(token, parser);
    } else if ("cachedContentTokenCount".equals(field)) {
      response.cacheReadInputTokens = JsonValues.asLong(token, parser);
    } else if ("candidatesTokenCount".equals(field)) {
      candidatesTokens = JsonValues.asLong(token, parser);
      updateOutput();
    } else if ("thoughtsTokenCount".equals(field)) {
      response.reasoningOutputTokens = JsonValues.asLong(token, parser);
      updateOutput();
    }
  }

  private void updateOutput() {
    Long thoughts = response.reasoningOutputTokens;
    if (candidatesTokens == null && thoughts == null) {
      return;
    }
    response.outputTokens = (candidatesTokens == null ? 0 : candidatesTokens) + (thoughts == null ? 0 : thoughts);
  }

  private void error(int depth, String field, JsonToken token, JsonParser parser) throws IOException {
    if (depth == 2 && "status".equals(field)) {
      response.errorType = JsonValues.asText(token, parser);
    } else if (depth == 4 && "reason".equals(field) && response.errorCode == null) {
      response.errorCode = JsonValues.asText(token, parser);
    }
  }
}
