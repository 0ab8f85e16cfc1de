package io.aitap.agent.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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
    return percentDecoded(end < 0 ? rawPath.substring(start) : rawPath.substring(start, end));
  }

  /** Whether the path ends with {@code suffix}, a trailing slash aside. */
  public static boolean endsWith(String rawPath, String suffix) {
    int end = rawPath.length();
    if (end > 1 && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    return end >= suffix.length() && rawPath.regionMatches(end - suffix.length(), suffix, 0, suffix.length());
  }

  /** Percent-decoding of a path segment; unlike form decoding, '+' stays '+'. */
  public static String percentDecoded(String segment) {
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
