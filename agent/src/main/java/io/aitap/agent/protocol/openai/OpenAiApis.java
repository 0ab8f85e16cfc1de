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

  private static boolean endsWith(String path, int end, String suffix) {
    return path.regionMatches(end - suffix.length(), suffix, 0, suffix.length())
        && end >= suffix.length();
  }
}
