package io.aitap.agent.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import java.io.IOException;

/**
 * Finds the request parameters telemetry reports in a JSON request body: the model and stream flag
 * at the top level, the sampling parameters at the top level too (the OpenAI family, Anthropic,
 * Cohere) or inside the object a provider keeps them in (Gemini's {@code generationConfig},
 * Ollama's {@code options}, Bedrock's {@code inferenceConfig}). Prompts and images stream past
 * without being kept, unless content capture adds a listener of its own to the same scan.
 */
public final class JsonRequestFields implements JsonScanner.Listener {

  private final RequestFacts request;
  private final String parametersObject;
  private final String maxTokensField;
  private final String topPField;

  private JsonRequestFields(RequestFacts request, String parametersObject, String maxTokensField, String topPField) {
    this.request = request;
    this.parametersObject = parametersObject;
    this.maxTokensField = maxTokensField;
    this.topPField = topPField;
  }

  /** Sampling parameters at the top level, with OpenAI's names. */
  public static RequestScanner scanner(RequestFacts request) {
    return scanner(request, null);
  }

  /** The same, showing the scan to {@code content} too (none when null). */
  public static RequestScanner scanner(RequestFacts request, JsonScanner.Listener content) {
    return scanner(request, null, "max_tokens", "top_p", content);
  }

  /**
   * Sampling parameters inside {@code parametersObject}, with the provider's own names for the token
   * limit and top-p (every provider calls its temperature {@code temperature}).
   */
  public static RequestScanner scanner(
      RequestFacts request, String parametersObject, String maxTokensField, String topPField) {
    return scanner(request, parametersObject, maxTokensField, topPField, null);
  }

  /** The same, showing the scan to {@code content} too (none when null). */
  public static RequestScanner scanner(RequestFacts request, String parametersObject, String maxTokensField,
      String topPField, JsonScanner.Listener content) {
    return new JsonScanner(
        Tee.of(new JsonRequestFields(request, parametersObject, maxTokensField, topPField), content));
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    String field = path.last();
    if (path.depth() == 1) {
      if ("model".equals(field) && token == JsonToken.VALUE_STRING) {
        request.model = parser.getText();
      } else if ("stream".equals(field) && token.isBoolean()) {
        request.stream = token == JsonToken.VALUE_TRUE;
      }
    } else if (path.is("stream_options", "include_usage") && token.isBoolean()) {
      request.includeUsage = token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_STRING && EndUserIds.names(path, request.endUserId != null)) {
      request.endUserId = parser.getText();
    }
    boolean inParameters = parametersObject == null
        ? path.depth() == 1
        : path.depth() == 2 && parametersObject.equals(path.segment(0));
    if (inParameters) {
      parameter(field, token, parser);
    }
  }

  private void parameter(String field, JsonToken token, JsonParser parser) throws IOException {
    boolean maxTokens = field.equals(maxTokensField)
        || (parametersObject == null && (field.equals("max_completion_tokens") || field.equals("max_output_tokens")));
    if (maxTokens) {
      request.maxTokens = JsonValues.asLong(token, parser);
    } else if (field.equals("temperature")) {
      request.temperature = JsonValues.asDouble(token, parser);
    } else if (field.equals(topPField)) {
      request.topP = JsonValues.asDouble(token, parser);
    }
  }
}
