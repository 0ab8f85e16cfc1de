package io.aitap.agent.protocol.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonScanner;
import io.aitap.agent.protocol.json.JsonValues;
import java.io.IOException;

/** {@code {"error": {"type": …, "code": …}}}: the error shape of the OpenAI family; the message is never kept. */
final class OpenAiErrorFields {

  private OpenAiErrorFields() {}

  /** An error body, which holds nothing but the error object. */
  static JsonScanner.Listener body(ResponseFacts response) {
    return (path, token, parser) -> read(path, 0, token, parser, response);
  }

  /** Reads an error object found at {@code path}'s segment {@code at} (0 for the root's "error"). */
  static boolean read(JsonPath path, int at, JsonToken token, JsonParser parser, ResponseFacts response)
      throws IOException {
    if (path.depth() != at + 2 || !"error".equals(path.segment(at))) {
      return false;
    }
    String field = path.last();
    if ("type".equals(field)) {
      response.errorType = JsonValues.asText(token, parser);
      return true;
    }
    if ("code".equals(field)) {
      response.errorCode = JsonValues.asText(token, parser);
      return true;
    }
    return false;
  }
}
