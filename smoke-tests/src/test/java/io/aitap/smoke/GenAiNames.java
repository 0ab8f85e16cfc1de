package io.aitap.smoke;

import java.util.HashMap;
import java.util.Map;

/** The semantic-convention names a fixture's provider and API should be reported under. */
final class GenAiNames {

  /** {@code gen_ai.provider.name} of a host aitap does not know that answers on an OpenAI path. */
  static final String OPENAI_COMPATIBLE = "openai_compatible";

  /** {@code gen_ai.provider.name} by expected.json's provider. */
  private static final Map<String, String> PROVIDERS = new HashMap<>();
  /** {@code gen_ai.operation.name} by expected.json's API. */
  private static final Map<String, String> OPERATIONS = new HashMap<>();

  static {
    PROVIDERS.put("openai", "openai");
    PROVIDERS.put("azure-openai", "azure.ai.openai");
    PROVIDERS.put("deepseek", "deepseek");
    PROVIDERS.put("mistral", "mistral_ai");
    PROVIDERS.put("openrouter", "openrouter");
    // a self-hosted vLLM server: its host name says so (vllm.internal)
    PROVIDERS.put("vllm", "vllm");
    PROVIDERS.put("anthropic", "anthropic");
    PROVIDERS.put("gemini", "gcp.gemini");
    PROVIDERS.put("aws-bedrock", "aws.bedrock");
    PROVIDERS.put("ollama", "ollama");

    OPERATIONS.put("chat.completions", "chat");
    OPERATIONS.put("responses", "chat");
    OPERATIONS.put("embeddings", "embeddings");
    OPERATIONS.put("messages", "chat");
    OPERATIONS.put("generateContent", "generate_content");
    OPERATIONS.put("streamGenerateContent", "generate_content");
    OPERATIONS.put("Converse", "chat");
    OPERATIONS.put("ConverseStream", "chat");
    OPERATIONS.put("api/chat", "chat");
  }

  private GenAiNames() {}

  static String providerName(Fixture fixture) {
    return lookUp(PROVIDERS, fixture.provider(), fixture);
  }

  static String operationName(Fixture fixture) {
    return lookUp(OPERATIONS, fixture.api(), fixture);
  }

  private static String lookUp(Map<String, String> names, String key, Fixture fixture) {
    String name = names.get(key);
    if (name == null) {
      throw new IllegalArgumentException("no expected GenAI name for " + key + " of " + fixture);
    }
    return name;
  }
}
