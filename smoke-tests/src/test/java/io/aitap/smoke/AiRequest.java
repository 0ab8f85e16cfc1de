package io.aitap.smoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitap.smoke.clients.sdk.SdkQuestions;
import java.nio.charset.StandardCharsets;

/**
 * The request body a client program sends for a fixture, shaped as the provider's API expects,
 * and the request parameters in it that the span should report. The SDK programs ask the same
 * through their SDKs.
 */
final class AiRequest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String QUESTION = SdkQuestions.CHAT;
  static final long CHAT_MAX_TOKENS = SdkQuestions.MAX_TOKENS;
  static final double CHAT_TEMPERATURE = SdkQuestions.TEMPERATURE;
  static final double CHAT_TOP_P = SdkQuestions.TOP_P;

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
        body.putArray("messages").addObject().put("role", "user").put("content", QUESTION);
        putChatParameters(body, "max_tokens", "temperature", "top_p");
        if (fixture.stream()) {
          body.put("stream", true);
          // the recorded stream carries usage only when the request asked for it
          if (NormalisedUsage.of(fixture).isKnown()) {
            body.putObject("stream_options").put("include_usage", true);
          }
        }
        return chat(body);
      case "responses":
        body.put("input", SdkQuestions.SUMMARY);
        if (fixture.stream()) {
          body.put("stream", true);
        }
        return new AiRequest(body, null, null, null);
      case "embeddings":
        body.put("input", SdkQuestions.EMBEDDING);
        return new AiRequest(body, null, null, null);
      case "messages":
        body.putArray("messages").addObject().put("role", "user").put("content", QUESTION);
        // the maximum alone: anthropic-java no longer offers temperature and top_p, which newer models refuse together
        body.put("max_tokens", CHAT_MAX_TOKENS);
        if (fixture.stream()) {
          body.put("stream", true);
        }
        return new AiRequest(body, CHAT_MAX_TOKENS, null, null);
      case "api/chat":
        body.putArray("messages").addObject().put("role", "user").put("content", QUESTION);
        body.put("stream", fixture.stream());
        putChatParameters(body.putObject("options"), "num_predict", "temperature", "top_p");
        return chat(body);
      case "generateContent":
      case "streamGenerateContent":
        // the URL names the model
        body.remove("model");
        body.putArray("contents").addObject().put("role", "user").putArray("parts").addObject().put("text", QUESTION);
        putChatParameters(body.putObject("generationConfig"), "maxOutputTokens", "temperature", "topP");
        return chat(body);
      case "Converse":
      case "ConverseStream":
        body.remove("model");
        body.putArray("messages").addObject().put("role", "user").putArray("content").addObject().put("text", QUESTION);
        putChatParameters(body.putObject("inferenceConfig"), "maxTokens", "temperature", "topP");
        return chat(body);
      default:
        throw new IllegalArgumentException("no request body for the " + fixture.api() + " API of " + fixture);
    }
  }

  private static AiRequest chat(ObjectNode body) {
    return new AiRequest(body, CHAT_MAX_TOKENS, CHAT_TEMPERATURE, CHAT_TOP_P);
  }

  /** The chat sampling parameters under the API's own names. */
  private static void putChatParameters(ObjectNode parameters, String maxTokens, String temperature, String topP) {
    parameters.put(maxTokens, CHAT_MAX_TOKENS).put(temperature, CHAT_TEMPERATURE).put(topP, CHAT_TOP_P);
  }

  /** A JSON body that looks like an AI request but goes somewhere that is not an AI API. */
  static byte[] notAnAiCall(String model) {
    ObjectNode body = JSON.createObjectNode().put("model", model);
    body.putArray("messages").addObject().put("role", "user").put("content", "not for a model");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
