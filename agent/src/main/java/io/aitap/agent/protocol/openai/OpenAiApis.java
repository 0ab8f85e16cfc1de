package io.aitap.agent.protocol.openai;

import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.PathSegments;

/**
 * The OpenAI API family, recognised by the last segments of the path, so that every host and
 * prefix (Azure deployments, DeepSeek without {@code /v1}, OpenRouter's {@code /api/v1}) fits.
 */
public final class OpenAiApis {

  public static final ApiProtocol CHAT_COMPLETIONS = new OpenAiApi(OpenAiApi.Kind.CHAT_COMPLETIONS);
  public static final ApiProtocol COMPLETIONS = new OpenAiApi(OpenAiApi.Kind.COMPLETIONS);
  public static final ApiProtocol EMBEDDINGS = new OpenAiApi(OpenAiApi.Kind.EMBEDDINGS);
  public static final ApiProtocol RESPONSES = new OpenAiApi(OpenAiApi.Kind.RESPONSES);
  /** xAI counts reasoning tokens beside {@code completion_tokens}, not inside them. */
  private static final ApiProtocol XAI_CHAT_COMPLETIONS = new OpenAiApi(OpenAiApi.Kind.CHAT_COMPLETIONS, true);
  private static final ApiProtocol XAI_COMPLETIONS = new OpenAiApi(OpenAiApi.Kind.COMPLETIONS, true);

  private OpenAiApis() {}

  /** The API a path names, or null. */
  public static ApiProtocol forPath(String rawPath) {
    if (PathSegments.endsWith(rawPath, "/chat/completions")) {
      return CHAT_COMPLETIONS;
    }
    if (PathSegments.endsWith(rawPath, "/completions")) {
      return COMPLETIONS;
    }
    if (PathSegments.endsWith(rawPath, "/embeddings")) {
      return EMBEDDINGS;
    }
    if (PathSegments.endsWith(rawPath, "/responses")) {
      return RESPONSES;
    }
    return null;
  }

  /** {@link io.aitap.agent.protocol.ApiPaths} of the OpenAI family. */
  public static AiEndpoint endpoint(String provider, String host, int port, String rawPath) {
    ApiProtocol protocol = forPath(rawPath, provider);
    return protocol == null ? null : new AiEndpoint(provider, protocol, host, port, null);
  }

  /** Azure OpenAI: the OpenAI API, where the deployment in the path stands for the model when the body names none. */
  public static AiEndpoint azureEndpoint(String host, int port, String rawPath) {
    ApiProtocol protocol = forPath(rawPath);
    return protocol == null ? null : new AiEndpoint(
        "azure.ai.openai", protocol, host, port, PathSegments.after(rawPath, "/openai/deployments/"));
  }

  /** The API a path names at a provider (its {@code gen_ai.provider.name}), or null. */
  public static ApiProtocol forPath(String rawPath, String provider) {
    ApiProtocol protocol = forPath(rawPath);
    if ("x_ai".equals(provider)) {
      return protocol == CHAT_COMPLETIONS ? XAI_CHAT_COMPLETIONS : protocol == COMPLETIONS ? XAI_COMPLETIONS : protocol;
    }
    return protocol;
  }
}
