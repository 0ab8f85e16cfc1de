package io.aitap.agent.protocol;


/** What URL paths name: a model or a deployment, percent-encoded in one segment. */
public final class PathSegments {

  private PathSegments() {}

  /** The segment after {@code prefix} ({@code /openai/deployments/{name}/…}), decoded, or null. */
  public static String after(String rawPath, String prefix) {
    int start = rawPath.indexOf(prefix);
    if (start < 0) {
      return null;
    }
    start += prefix.length();
    int end = rawPath.indexOf('/', start);
    return PercentDecoding.lenient(end < 0 ? rawPath.substring(start) : rawPath.substring(start, end));
  }

  /** Whether the path ends with {@code suffix}, a trailing slash aside. */
  public static boolean endsWith(String rawPath, String suffix) {
    int end = rawPath.length();
    if (end > 1 && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    return end >= suffix.length() && rawPath.regionMatches(end - suffix.length(), suffix, 0, suffix.length());
  }
}
