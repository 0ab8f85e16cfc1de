package io.aitap.agent.call;

/**
 * The parts of an absolute URL the endpoint check reads, split out of the string a client already
 * holds without building a {@link java.net.URI}: the check runs on every request, and most are not
 * AI calls. The parts are what {@code URI} gives for the same string: the host as written (an IPv6
 * literal in its brackets), the port or -1, the path still percent-encoded, without query or
 * fragment; only the scheme {@code http} or {@code https} is in lower case, as the check reads it
 * either way.
 */
final class RequestUrl {

  final String scheme;
  final String host;
  final int port;
  final String rawPath;

  private RequestUrl(String scheme, String host, int port, String rawPath) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.rawPath = rawPath;
  }

  /** The parts of {@code url}, or null when it is not an absolute URL with a host. */
  static RequestUrl parse(String url) {
    if (url == null) {
      return null;
    }
    int colon = url.indexOf(':');
    if (colon <= 0 || !url.startsWith("//", colon + 1)) {
      return null;
    }
    int authorityStart = colon + 3;
    int authorityEnd = endOf(url, authorityStart, "/?#");
    int hostStart = url.lastIndexOf('@', authorityEnd - 1) + 1;
    hostStart = Math.max(hostStart, authorityStart);
    int hostEnd;
    if (hostStart < authorityEnd && url.charAt(hostStart) == '[') {
      hostEnd = url.indexOf(']', hostStart) + 1;
      if (hostEnd <= 0 || hostEnd > authorityEnd) {
        return null;
      }
    } else {
      hostEnd = url.lastIndexOf(':', authorityEnd - 1);
      hostEnd = hostEnd < hostStart ? authorityEnd : hostEnd;
    }
    if (hostEnd == hostStart) {
      return null;
    }
    int port = port(url, hostEnd, authorityEnd);
    if (port == Integer.MIN_VALUE) {
      return null;
    }
    int pathEnd = endOf(url, authorityEnd, "?#");
    return new RequestUrl(scheme(url, colon), url.substring(hostStart, hostEnd), port,
        url.substring(authorityEnd, pathEnd));
  }

  /** The scheme; the check reads it ignoring case, so the usual two cost no copy. */
  private static String scheme(String url, int colon) {
    if (colon == 5 && url.regionMatches(true, 0, "https", 0, 5)) {
      return "https";
    }
    if (colon == 4 && url.regionMatches(true, 0, "http", 0, 4)) {
      return "http";
    }
    return url.substring(0, colon);
  }

  /** The port after the host, -1 when there is none, MIN_VALUE when what follows is no port. */
  private static int port(String url, int hostEnd, int authorityEnd) {
    if (hostEnd == authorityEnd || hostEnd + 1 == authorityEnd) {
      return hostEnd == authorityEnd || url.charAt(hostEnd) == ':' ? -1 : Integer.MIN_VALUE;
    }
    if (url.charAt(hostEnd) != ':' || authorityEnd - hostEnd > 10) {
      return Integer.MIN_VALUE;
    }
    int port = 0;
    for (int i = hostEnd + 1; i < authorityEnd; i++) {
      char c = url.charAt(i);
      if (c < '0' || c > '9') {
        return Integer.MIN_VALUE;
      }
      port = port * 10 + (c - '0');
    }
    return port;
  }

  /** The index of the first of {@code stops} at or after {@code from}, or the length. */
  private static int endOf(String url, int from, String stops) {
    for (int i = from; i < url.length(); i++) {
      if (stops.indexOf(url.charAt(i)) >= 0) {
        return i;
      }
    }
    return url.length();
  }
}
