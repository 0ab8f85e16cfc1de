package io.aitap.agent.protocol;

import io.aitap.agent.AgentLog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A base URL the user declared as an AI endpoint with {@code aitap.endpoints}, for gateways whose
 * paths aitap would not recognise or whose provider it would name wrongly:
 * {@code https://llm.internal:8443/v1=openai_compatible,https://api.holysheep.ai/v1=holysheep}.
 */
public final class ConfiguredEndpoint {
  private final String scheme;
  private final String host;
  private final int port;
  private final String pathPrefix;
  private final String providerName;

  ConfiguredEndpoint(String scheme, String host, int port, String pathPrefix, String providerName) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.pathPrefix = pathPrefix;
    this.providerName = providerName;
  }

  public String providerName() {
    return providerName;
  }

  boolean matches(String requestScheme, String requestHost, int requestPort, String rawPath) {
    return port == requestPort
        && host.equalsIgnoreCase(requestHost)
        && scheme.equalsIgnoreCase(requestScheme)
        && rawPath.startsWith(pathPrefix);
  }

  /** Parses {@code url[=provider]} entries separated by commas; bad entries are skipped with one line each. */
  public static List<ConfiguredEndpoint> parseList(String value) {
    List<ConfiguredEndpoint> endpoints = new ArrayList<>();
    if (value == null) {
      return endpoints;
    }
    for (String entry : value.split(",")) {
      entry = entry.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int equals = entry.lastIndexOf('=');
      String url = equals < 0 ? entry : entry.substring(0, equals).trim();
      String provider =
          equals < 0 ? EndpointClassifier.OPENAI_COMPATIBLE : entry.substring(equals + 1).trim();
      try {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
          path = path.substring(0, path.length() - 1);
        }
        endpoints.add(new ConfiguredEndpoint(scheme, uri.getHost(), port, path, provider));
      } catch (RuntimeException e) {
        AgentLog.warn("ignoring aitap.endpoints entry '" + entry + "'", e);
      }
    }
    return endpoints;
  }
}
