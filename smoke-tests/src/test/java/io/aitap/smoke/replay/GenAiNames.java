package io.aitap.smoke.replay;

import java.util.HashMap;
import java.util.Map;

/** The {@code gen_ai.provider.name} a fixture's provider should be reported under (README, "What it sees"). */
public final class GenAiNames {

  /** {@code gen_ai.provider.name} of a host aitap does not know that answers on an OpenAI path. */
  static final String OPENAI_COMPATIBLE = "openai_compatible";

  /** {@code gen_ai.provider.name} by expected.json's provider. */
  private static final Map<String, String> PROVIDERS = new HashMap<>();

  static {
    PROVIDERS.put("openai", "openai");
    PROVIDERS.put("azure-openai", "azure.ai.openai");
    PROVIDERS.put("anthropic", "anthropic");
    PROVIDERS.put("gemini", "gcp.gemini");
    PROVIDERS.put("vertex", "gcp.vertex_ai");
    PROVIDERS.put("aws-bedrock", "aws.bedrock");
    PROVIDERS.put("cohere", "cohere");
    PROVIDERS.put("ollama", "ollama");
    PROVIDERS.put("deepseek", "deepseek");
    PROVIDERS.put("mistral", "mistral_ai");
    PROVIDERS.put("openrouter", "openrouter");
    PROVIDERS.put("xai", "x_ai");
    // a self-hosted vLLM server: its host name says so (vllm.internal)
    PROVIDERS.put("vllm", "vllm");
  }

  private GenAiNames() {}

  public static String providerName(Fixture fixture) {
    String name = PROVIDERS.get(fixture.provider());
    if (name == null) {
      throw new IllegalArgumentException("no expected gen_ai.provider.name for " + fixture.provider() + " of " + fixture);
    }
    return name;
  }
}
