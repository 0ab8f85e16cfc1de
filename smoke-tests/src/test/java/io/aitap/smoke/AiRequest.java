package io.aitap.smoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The request body a client program sends for a fixture, shaped as the provider's API expects,
 * and the request parameters in it that the span should report.
 */
final class AiRequest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final long CHAT_MAX_TOKENS = 256;
  static final double CHAT_TEMPERATURE = 0.2;
  static final double CHAT_TOP_P = 0.9;

  final byte[] body;
  final Long maxTokens;
  final Double temperature;
  final Double topP;

  private AiRequest(ObjectNode body, Long maxTokens, Double temperature, Double topP) {
    this.body = body.toString().getBytes(StandardCharsets.UTF_8);
    this.maxTokens = maxTokens;
    this.temperature = temperature;
    this.topP = topP;
  }

  static AiRequest of(Fixture fixture) {
    ObjectNode body = JSON.createObjectNode();
    if (fixture.modelInRequestBody()) {
      body.put("model", fixture.requestModel());
    }
    switch (fixture.api()) {
      case "chat.completions":
        body.putArray("messages").addObject().put("role", "user").put("content", "What is the capital of France?");
        body.put("max_tokens", CHAT_MAX_TOKENS).put("temperature", CHAT_TEMPERATURE).put("top_p", CHAT_TOP_P);
        if (fixture.stream()) {
          body.put("stream", true);
          // the recorded stream carries usage only when the request asked for it
          if (NormalisedUsage.of(fixture).isKnown()) {
            body.putObject("stream_options").put("include_usage", true);
          }
        }
        return new AiRequest(body, CHAT_MAX_TOKENS, CHAT_TEMPERATURE, CHAT_TOP_P);
      case "responses":
        body.put("input", "Summarise the plot of Hamlet in one sentence.");
        if (fixture.stream()) {
          body.put("stream", true);
        }
        return new AiRequest(body, null, null, null);
      case "embeddings":
        body.put("input", "The food was delicious and the waiter was friendly.");
        return new AiRequest(body, null, null, null);
      case "Converse":
      case "ConverseStream":
        // the model is in the path; the SDK writes this body itself from the same values
        body.putArray("messages").addObject().put("role", "user")
            .putArray("content").addObject().put("text", "What is the capital of France?");
        body.putObject("inferenceConfig").put("maxTokens", CHAT_MAX_TOKENS).put("temperature", CHAT_TEMPERATURE)
            .put("topP", CHAT_TOP_P);
        return new AiRequest(body, CHAT_MAX_TOKENS, CHAT_TEMPERATURE, CHAT_TOP_P);
      default:
        throw new IllegalArgumentException("no request body for the " + fixture.api() + " API of " + fixture);
    }
  }

  /** A JSON body that looks like an AI request but goes somewhere that is not an AI API. */
  static byte[] notAnAiCall(String model) {
    ObjectNode body = JSON.createObjectNode().put("model", model);
    body.putArray("messages").addObject().put("role", "user").put("content", "not for a model");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
