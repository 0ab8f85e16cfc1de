package io.aitap.agent.protocol.openai;

import io.aitap.agent.protocol.ApiProtocol;

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
    int end = rawPath.length();
    if (end > 1 && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    if (endsWith(rawPath, end, "/chat/completions")) {
      return CHAT_COMPLETIONS;
    }
    if (endsWith(rawPath, end, "/completions")) {
      return COMPLETIONS;
    }
    if (endsWith(rawPath, end, "/embeddings")) {
      return EMBEDDINGS;
    }
    if (endsWith(rawPath, end, "/responses")) {
      return RESPONSES;
    }
    return null;
  }

  /** The API a path names at a provider (its {@code gen_ai.provider.name}), or null. */
  public static ApiProtocol forPath(String rawPath, String provider) {
    ApiProtocol protocol = forPath(rawPath);
    if ("x_ai".equals(provider)) {
      return protocol == CHAT_COMPLETIONS ? XAI_CHAT_COMPLETIONS : protocol == COMPLETIONS ? XAI_COMPLETIONS : protocol;
    }
    return protocol;
  }

  private static boolean endsWith(String path, int end, String suffix) {
    return path.regionMatches(end - suffix.length(), suffix, 0, suffix.length())
        && end >= suffix.length();
  }
}
