package io.aitap.agent.protocol;

import io.aitap.agent.protocol.openai.OpenAiApis;
import java.util.HashMap;
import java.util.Map;

/** The public AI API hosts aitap recognises by name, and the provider each one means. */
final class KnownHosts {

  /** Hosts that speak the OpenAI API family, by {@code gen_ai.provider.name}. */
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

  private KnownHosts() {}

  static AiEndpoint classify(String lowerHost, int port, String rawPath) {
    String provider = OPENAI_FAMILY.get(lowerHost);
    if (provider == null) {
      return null;
    }
    ApiProtocol protocol = OpenAiApis.forPath(rawPath);
    return protocol == null ? null : new AiEndpoint(provider, protocol, lowerHost, port, null);
  }
}
