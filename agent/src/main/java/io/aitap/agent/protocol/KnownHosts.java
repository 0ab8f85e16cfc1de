package io.aitap.agent.protocol;

import io.aitap.agent.protocol.anthropic.AnthropicMessages;
import io.aitap.agent.protocol.bedrock.BedrockRuntime;
import io.aitap.agent.protocol.cohere.CohereChat;
import io.aitap.agent.protocol.gemini.GeminiGenerateContent;
import io.aitap.agent.protocol.ollama.OllamaApi;
import io.aitap.agent.protocol.openai.OpenAiApis;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The AI API hosts aitap recognises by name, the provider each one means ({@code gen_ai.provider.name}
 * as the conventions spell it), and the API each path there speaks.
 */
final class KnownHosts {

  /** Hosts that speak the OpenAI API family. */
  private static final Map<String, String> OPENAI_FAMILY = new HashMap<>();

  static {
    OPENAI_FAMILY.put("api.openai.com", "openai");
    OPENAI_FAMILY.put("api.deepseek.com", "deepseek");
    OPENAI_FAMILY.put("api.mistral.ai", "mistral_ai");
    OPENAI_FAMILY.put("openrouter.ai", "openrouter");
    OPENAI_FAMILY.put("api.groq.com", "groq");
    OPENAI_FAMILY.put("api.x.ai", "x_ai");
    OPENAI_FAMILY.put("api.perplexity.ai", "perplexity");
    OPENAI_FAMILY.put("api.together.xyz", "together_ai");
    OPENAI_FAMILY.put("api.fireworks.ai", "fireworks_ai");
    OPENAI_FAMILY.put("api.cerebras.ai", "cerebras");
    OPENAI_FAMILY.put("api.deepinfra.com", "deepinfra");
  }

  /** Ollama's default port: a local server there is Ollama, whatever its host is called. */
  private static final int OLLAMA_PORT = 11434;

  private KnownHosts() {}

  static AiEndpoint classify(String host, int port, String rawPath) {
    String openAiProvider = OPENAI_FAMILY.get(host);
    if (openAiProvider != null) {
      return openAi(openAiProvider, host, port, rawPath, null);
    }
    switch (host) {
      case "api.anthropic.com":
        return rawPath.endsWith("/v1/messages")
            ? new AiEndpoint("anthropic", AnthropicMessages.INSTANCE, host, port, null)
            : openAi("anthropic", host, port, rawPath, null);
      case "generativelanguage.googleapis.com":
        AiEndpoint gemini = gemini("gcp.gemini", host, port, rawPath);
        return gemini != null ? gemini : openAi("gcp.gemini", host, port, rawPath, null);
      case "api.cohere.com":
      case "api.cohere.ai":
        return rawPath.equals("/v2/chat")
            ? new AiEndpoint("cohere", CohereChat.INSTANCE, host, port, null)
            : openAi("cohere", host, port, rawPath, null);
      default:
        break;
    }
    if (host.endsWith(".openai.azure.com") || host.endsWith(".cognitiveservices.azure.com")) {
      return openAi("azure.ai.openai", host, port, rawPath, segmentAfter(rawPath, "/openai/deployments/"));
    }
    if (host.endsWith("aiplatform.googleapis.com")) {
      return gemini("gcp.vertex_ai", host, port, rawPath);
    }
    if (host.startsWith("bedrock-runtime.") && host.endsWith(".amazonaws.com")) {
      return bedrock(host, port, rawPath);
    }
    if (port == OLLAMA_PORT || host.equals("ollama") || host.startsWith("ollama.")) {
      OllamaApi api = OllamaApi.forPath(rawPath);
      return api != null
          ? new AiEndpoint("ollama", api, host, port, null)
          : openAi("ollama", host, port, rawPath, null);
    }
    if (host.contains("vllm")) {
      return openAi("vllm", host, port, rawPath, null);
    }
    return null;
  }

  private static AiEndpoint openAi(String provider, String host, int port, String rawPath, String model) {
    ApiProtocol protocol = OpenAiApis.forPath(rawPath, provider);
    return protocol == null ? null : new AiEndpoint(provider, protocol, host, port, model);
  }

  /** {@code …/models/{model}:generateContent}; on Vertex, Anthropic models answer {@code :rawPredict}. */
  private static AiEndpoint gemini(String provider, String host, int port, String rawPath) {
    int models = rawPath.lastIndexOf("/models/");
    int colon = rawPath.lastIndexOf(':');
    if (models < 0 || colon < models) {
      return null;
    }
    String model = percentDecoded(rawPath.substring(models + "/models/".length(), colon));
    switch (rawPath.substring(colon + 1)) {
      case "generateContent":
        return new AiEndpoint(provider, GeminiGenerateContent.GENERATE, host, port, model);
      case "streamGenerateContent":
        return new AiEndpoint(provider, GeminiGenerateContent.STREAM, host, port, model);
      case "rawPredict":
      case "streamRawPredict":
        return new AiEndpoint(provider, AnthropicMessages.INSTANCE, host, port, model);
      default:
        return null;
    }
  }

  /** {@code /model/{percent-encoded model id}/{converse|converse-stream|invoke|invoke-with-response-stream}}. */
  private static AiEndpoint bedrock(String host, int port, String rawPath) {
    if (!rawPath.startsWith("/model/")) {
      return null;
    }
    int slash = rawPath.lastIndexOf('/');
    BedrockRuntime api = BedrockRuntime.forAction(rawPath.substring(slash + 1));
    if (api == null || slash <= "/model/".length()) {
      return null;
    }
    String model = percentDecoded(rawPath.substring("/model/".length(), slash));
    return new AiEndpoint("aws.bedrock", api, host, port, model);
  }

  private static String segmentAfter(String rawPath, String prefix) {
    int start = rawPath.indexOf(prefix);
    if (start < 0) {
      return null;
    }
    start += prefix.length();
    int end = rawPath.indexOf('/', start);
    return percentDecoded(end < 0 ? rawPath.substring(start) : rawPath.substring(start, end));
  }

  /** Percent-decoding of a path segment; unlike form decoding, '+' stays '+'. */
  static String percentDecoded(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%' && i + 2 < segment.length()) {
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high >= 0 && low >= 0) {
          out.write(high * 16 + low);
          i += 2;
          continue;
        }
      }
      out.write(c);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
