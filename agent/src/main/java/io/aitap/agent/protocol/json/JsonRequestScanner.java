package io.aitap.agent.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import java.io.IOException;

/**
 * Finds the request parameters telemetry reports in a JSON request body, at the top level where the
 * OpenAI family and most others put them; a provider that nests them elsewhere passes its own
 * listener for the rest. Prompts and images stream past without being kept.
 */
public final class JsonRequestScanner implements RequestScanner, JsonScanner.Listener {

  private final RequestFacts request;
  private final JsonScanner.Listener extra;
  private final JsonScanner scanner = new JsonScanner(this);

  public JsonRequestScanner(RequestFacts request) {
    this(request, null);
  }

  public JsonRequestScanner(RequestFacts request, JsonScanner.Listener extra) {
    this.request = request;
    this.extra = extra;
  }

  @Override
  public void feed(byte[] bytes, int offset, int length) {
    scanner.feed(bytes, offset, length);
  }

  @Override
  public void endOfBody() {
    scanner.end();
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (path.depth() == 1) {
      topLevel(path.last(), token, parser);
    } else if (path.is("stream_options", "include_usage") && token.isBoolean()) {
      request.includeUsage = token == JsonToken.VALUE_TRUE;
    }
    if (extra != null) {
      extra.onValue(path, token, parser);
    }
  }

  private void topLevel(String field, JsonToken token, JsonParser parser) throws IOException {
    switch (field) {
      case "model":
        if (token == JsonToken.VALUE_STRING) {
          request.model = parser.getText();
        }
        break;
      case "stream":
        if (token.isBoolean()) {
          request.stream = token == JsonToken.VALUE_TRUE;
        }
        break;
      case "max_tokens":
      case "max_completion_tokens":
      case "max_output_tokens":
        request.maxTokens = JsonValues.asLong(token, parser);
        break;
      case "temperature":
        request.temperature = JsonValues.asDouble(token, parser);
        break;
      case "top_p":
        request.topP = JsonValues.asDouble(token, parser);
        break;
      default:
        break;
    }
  }
}
