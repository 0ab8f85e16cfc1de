package io.aitap.agent.protocol;

import io.aitap.agent.protocol.openai.OpenAiApis;
import java.util.HashMap;
import java.util.Map;

/**
 * The AI API hosts aitap recognises by name, the provider each one means ({@code gen_ai.provider.name}
 * as the conventions spell it), and the API each one speaks (see {@link Apis}).
 */
final class KnownHosts {

  /** A host known by its exact name. */
  private static final class Host {
    final String provider;
    final ApiPaths api;

    Host(String provider, String api) {
      this.provider = provider;
      this.api = Apis.named(api);
    }
  }

  private static final Map<String, Host> BY_NAME = new HashMap<>();

  static {
    add("api.openai.com", "openai");
    add("api.anthropic.com", "anthropic");
    add("generativelanguage.googleapis.com", "gcp.gemini");
    add("api.cohere.com", "cohere");
    add("api.cohere.ai", "cohere");
    add("api.mistral.ai", "mistral_ai");
    add("api.groq.com", "groq");
    add("api.x.ai", "x_ai");
    add("api.perplexity.ai", "perplexity");
    add("api.together.xyz", "together_ai");
    add("api.fireworks.ai", "fireworks_ai");
    add("api.cerebras.ai", "cerebras");
    add("api.deepinfra.com", "deepinfra");
    // both serve Anthropic's Messages API beside the OpenAI one: /anthropic/v1/messages, /api/v1/messages
    BY_NAME.put("api.deepseek.com", new Host("deepseek", Apis.ANTHROPIC));
    BY_NAME.put("openrouter.ai", new Host("openrouter", Apis.ANTHROPIC));
  }

  /** Ollama's default port: a local server there is Ollama, whatever its host is called. */
  private static final int OLLAMA_PORT = 11434;

  private KnownHosts() {}

  private static void add(String host, String provider) {
    BY_NAME.put(host, new Host(provider, Apis.defaultFor(provider)));
  }

  static AiEndpoint classify(String host, int port, String rawPath) {
    Host known = BY_NAME.get(host);
    if (known != null) {
      return known.api.endpoint(known.provider, host, port, rawPath);
    }
    if (host.endsWith(".openai.azure.com") || host.endsWith(".cognitiveservices.azure.com")) {
      return OpenAiApis.azureEndpoint(host, port, rawPath);
    }
    if (host.endsWith("aiplatform.googleapis.com")) {
      return speaking("gcp.vertex_ai", host, port, rawPath);
    }
    if (host.startsWith("bedrock-runtime.") && host.endsWith(".amazonaws.com")) {
      return speaking("aws.bedrock", host, port, rawPath);
    }
    if (port == OLLAMA_PORT || host.equals("ollama") || host.startsWith("ollama.")) {
      return speaking("ollama", host, port, rawPath);
    }
    if (host.contains("vllm")) {
      return speaking("vllm", host, port, rawPath);
    }
    return null;
  }

  private static AiEndpoint speaking(String provider, String host, int port, String rawPath) {
    return Apis.named(Apis.defaultFor(provider)).endpoint(provider, host, port, rawPath);
  }
}
