package io.aitap.agent.protocol;

import io.aitap.agent.protocol.anthropic.AnthropicMessages;
import io.aitap.agent.protocol.bedrock.BedrockRuntime;
import io.aitap.agent.protocol.cohere.CohereChat;
import io.aitap.agent.protocol.gemini.GeminiGenerateContent;
import io.aitap.agent.protocol.ollama.OllamaApi;
import io.aitap.agent.protocol.openai.OpenAiApis;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The APIs aitap reads, by the names {@code aitap.endpoints} gives them, and the one a provider
 * speaks unless told otherwise. A server speaking an API is read by that API's paths first, then by
 * the OpenAI-style ones that Ollama, Anthropic, Gemini, Cohere, Bedrock and most gateways serve
 * beside their own; the two never name the same path.
 */
final class Apis {

  static final String OPENAI = "openai";
  static final String ANTHROPIC = "anthropic";

  private static final Map<String, ApiPaths> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put(OPENAI, OpenAiApis::endpoint);
    BY_NAME.put(ANTHROPIC, withOpenAiPaths(AnthropicMessages::endpoint));
    BY_NAME.put("gemini", withOpenAiPaths(GeminiGenerateContent::endpoint));
    BY_NAME.put("ollama", withOpenAiPaths(OllamaApi::endpoint));
    BY_NAME.put("cohere", withOpenAiPaths(CohereChat::endpoint));
    BY_NAME.put("bedrock", withOpenAiPaths(BedrockRuntime::endpoint));
  }

  private Apis() {}

  /** The paths of the API so named, or null when aitap reads no API of that name. */
  static ApiPaths named(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  /** The names {@link #named} knows, for messages. */
  static String names() {
    return String.join(", ", BY_NAME.keySet());
  }

  /** The API a provider speaks when the configuration names none: its own, or the OpenAI family's. */
  static String defaultFor(String provider) {
    switch (provider.toLowerCase(Locale.ROOT)) {
      case "anthropic":
        return ANTHROPIC;
      case "gcp.gemini":
      case "gcp.vertex_ai":
        return "gemini";
      case "ollama":
        return "ollama";
      case "cohere":
        return "cohere";
      case "aws.bedrock":
        return "bedrock";
      default:
        return OPENAI;
    }
  }

  private static ApiPaths withOpenAiPaths(ApiPaths own) {
    return (provider, host, port, rawPath) -> {
      AiEndpoint endpoint = own.endpoint(provider, host, port, rawPath);
      return endpoint != null ? endpoint : OpenAiApis.endpoint(provider, host, port, rawPath);
    };
  }
}
