package io.aitap.agent.protocol;

import io.aitap.agent.AgentLog;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A base URL the user declared as an AI endpoint with {@code aitap.endpoints}, for gateways and
 * servers aitap would not recognise or would name wrongly: {@code url}, {@code url=provider} or
 * {@code url=provider:api}, e.g. {@code http://gpu-box:8080=ollama} or
 * {@code https://llm-gateway.corp/anthropic=corp_gateway:anthropic}. The API defaults to the one the
 * provider is known to speak, and to the OpenAI family for any other provider.
 */
public final class ConfiguredEndpoint {
  private final String scheme;
  private final String host;
  private final int port;
  private final String pathPrefix;
  private final String providerName;
  private final ApiPaths api;

  /** One entry; throws {@link IllegalArgumentException} saying what is wrong with it. */
  private ConfiguredEndpoint(String entry) {
    int equals = entry.lastIndexOf('=');
    String url = equals < 0 ? entry : entry.substring(0, equals).trim();
    String provider = equals < 0 ? EndpointClassifier.OPENAI_COMPATIBLE : entry.substring(equals + 1).trim();
    String apiName = null;
    int colon = provider.indexOf(':');
    if (colon >= 0) {
      apiName = provider.substring(colon + 1).trim();
      provider = provider.substring(0, colon).trim();
    }
    if (provider.isEmpty()) {
      throw new IllegalArgumentException("no provider name after '='");
    }
    providerName = provider;
    api = Apis.named(apiName == null ? Apis.defaultFor(provider) : apiName);
    if (api == null) {
      throw new IllegalArgumentException("unknown API '" + apiName + "' (one of " + Apis.names() + ")");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getReason());
    }
    scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    host = uri.getHost();
    if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
      throw new IllegalArgumentException("not an http:// or https:// URL with a host");
    }
    port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  public String providerName() {
    return providerName;
  }

  /** How many characters of path the entry claims: the longer prefix is the more specific entry. */
  int prefixLength() {
    return pathPrefix.length();
  }

  /** Whether the request goes under this base URL; {@code port} is the effective one. */
  boolean matches(String requestScheme, String requestHost, int requestPort, String rawPath) {
    return port == requestPort
        && host.equalsIgnoreCase(requestHost)
        && scheme.equalsIgnoreCase(requestScheme)
        && rawPath.startsWith(pathPrefix)
        && (rawPath.length() == pathPrefix.length() || rawPath.charAt(pathPrefix.length()) == '/');
  }

  /** The call the path names in this endpoint's API, or null. */
  AiEndpoint endpoint(String requestHost, int requestPort, String rawPath) {
    return api.endpoint(providerName, requestHost, requestPort, rawPath);
  }

  /**
   * Parses entries separated by commas; a bad entry is skipped with one line saying why, never an
   * exception.
   */
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
      try {
        endpoints.add(new ConfiguredEndpoint(entry));
      } catch (IllegalArgumentException e) {
        AgentLog.warn("ignoring aitap.endpoints entry '" + entry + "': " + e.getMessage(), null);
      }
    }
    return endpoints;
  }
}
