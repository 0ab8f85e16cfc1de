package io.aitap.smoke.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitap.smoke.clients.sdk.SdkQuestions;
import java.nio.charset.StandardCharsets;

/**
 * The request body a client program sends for a fixture, shaped as the provider's API expects,
 * and the request parameters in it that the span should report: the maximum output, temperature
 * and top_p wherever the API keeps them (top level, Gemini's {@code generationConfig}, Bedrock's
 * {@code inferenceConfig}, Ollama's {@code options}).
 */
public final class AiRequest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String QUESTION = SdkQuestions.CHAT;
  static final long CHAT_MAX_TOKENS = SdkQuestions.MAX_TOKENS;
  static final double CHAT_TEMPERATURE = SdkQuestions.TEMPERATURE;
  static final double CHAT_TOP_P = SdkQuestions.TOP_P;

  public final byte[] body;
  final Long maxTokens;
  final Double temperature;
  final Double topP;

  private AiRequest(ObjectNode body, Long maxTokens, Double temperature, Double topP) {
    this(body.toString().getBytes(StandardCharsets.UTF_8), maxTokens, temperature, topP);
  }

  private AiRequest(byte[] body, Long maxTokens, Double temperature, Double topP) {
    this.body = body;
    this.maxTokens = maxTokens;
    this.temperature = temperature;
    this.topP = topP;
  }

  /**
   * What an SDK program asks for ({@code SdkQuestions}): the same as a plain client, but for
   * Anthropic's Messages the maximum alone — anthropic-java no longer offers temperature and top_p.
   */
  static AiRequest sentBySdk(Fixture fixture) {
    AiRequest request = of(fixture);
    return fixture.api() == ProviderApi.ANTHROPIC_MESSAGES
        ? new AiRequest(request.body, request.maxTokens, null, null)
        : request;
  }

  public static AiRequest of(Fixture fixture) {
    ObjectNode body = JSON.createObjectNode();
    if (fixture.modelInRequestBody()) {
      body.put("model", fixture.requestModel());
    }
    switch (fixture.api()) {
      case CHAT_COMPLETIONS:
        withQuestion(body);
        body.put("max_tokens", CHAT_MAX_TOKENS).put("temperature", CHAT_TEMPERATURE).put("top_p", CHAT_TOP_P);
        if (fixture.stream()) {
          body.put("stream", true);
          // the recorded stream carries usage only when the request asked for it
          if (NormalisedUsage.of(fixture).isKnown()) {
            body.putObject("stream_options").put("include_usage", true);
          }
        }
        return sampled(body);
      case RESPONSES:
        body.put("input", SdkQuestions.SUMMARY);
        return unsampled(streamed(body, fixture));
      case EMBEDDINGS:
      case OLLAMA_EMBED:
        body.put("input", SdkQuestions.EMBEDDING);
        return unsampled(body);
      case VERTEX_ANTHROPIC_MESSAGES:
        body.put("anthropic_version", "vertex-2023-10-16");
        // and otherwise the Messages API's own body
      case ANTHROPIC_MESSAGES:
      case COHERE_CHAT:
        withQuestion(body);
        // Cohere names top_p "p"
        body.put("max_tokens", CHAT_MAX_TOKENS).put("temperature", CHAT_TEMPERATURE)
            .put(fixture.api() == ProviderApi.COHERE_CHAT ? "p" : "top_p", CHAT_TOP_P);
        return sampled(streamed(body, fixture));
      case GEMINI_GENERATE_CONTENT:
        body.putArray("contents").addObject().put("role", "user").putArray("parts").addObject().put("text", QUESTION);
        body.putObject("generationConfig").put("maxOutputTokens", CHAT_MAX_TOKENS)
            .put("temperature", CHAT_TEMPERATURE).put("topP", CHAT_TOP_P);
        return sampled(body);
      case BEDROCK_CONVERSE:
        withQuestionInBlocks(body);
        body.putObject("inferenceConfig").put("maxTokens", CHAT_MAX_TOKENS)
            .put("temperature", CHAT_TEMPERATURE).put("topP", CHAT_TOP_P);
        return sampled(body);
      case BEDROCK_INVOKE:
        return BedrockInvokeBody.of(fixture.requestModel(), body);
      case OLLAMA_CHAT:
      case OLLAMA_GENERATE:
        if (fixture.api() == ProviderApi.OLLAMA_CHAT) {
          withQuestion(body);
        } else {
          body.put("prompt", QUESTION);
        }
        // Ollama streams unless told not to
        body.put("stream", fixture.stream());
        body.putObject("options").put("num_predict", CHAT_MAX_TOKENS)
            .put("temperature", CHAT_TEMPERATURE).put("top_p", CHAT_TOP_P);
        return sampled(body);
      default:
        throw new IllegalArgumentException("no request body for the " + fixture.api() + " API of " + fixture);
    }
  }

  /** The question as the one user message of a chat. */
  static void withQuestion(ObjectNode body) {
    body.putArray("messages").addObject().put("role", "user").put("content", QUESTION);
  }

  /** The question as the one user message of a chat whose content is a list of blocks (Bedrock's Converse, Nova). */
  static void withQuestionInBlocks(ObjectNode body) {
    body.putArray("messages").addObject().put("role", "user").putArray("content").addObject().put("text", QUESTION);
  }

  private static ObjectNode streamed(ObjectNode body, Fixture fixture) {
    if (fixture.stream()) {
      body.put("stream", true);
    }
    return body;
  }

  /** A request that sets the maximum output, temperature and top_p, each where its API keeps them. */
  static AiRequest sampled(ObjectNode body) {
    return new AiRequest(body, CHAT_MAX_TOKENS, CHAT_TEMPERATURE, CHAT_TOP_P);
  }

  static AiRequest unsampled(ObjectNode body) {
    return new AiRequest(body, null, null, null);
  }

  /** A JSON body that looks like an AI request but goes somewhere that is not an AI API. */
  static byte[] notAnAiCall(String model) {
    ObjectNode body = JSON.createObjectNode().put("model", model);
    body.putArray("messages").addObject().put("role", "user").put("content", "not for a model");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
