package io.aitap.agent.protocol;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.openai.OpenAiApis;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Decides, before anything else happens, whether an outgoing request is an AI call. It runs on
 * every request of every instrumented client, so the answer for ordinary traffic must cost no more
 * than a host lookup and a few {@code endsWith} checks.
 */
public final class EndpointClassifier {

  /** {@code gen_ai.provider.name} for an OpenAI-style path on a host aitap does not know. */
  public static final String OPENAI_COMPATIBLE = "openai_compatible";

  private final List<ConfiguredEndpoint> configured;
  private final boolean pathDetection;

  public EndpointClassifier(List<ConfiguredEndpoint> configured, boolean pathDetection) {
    this.configured = Collections.unmodifiableList(new ArrayList<>(configured));
    this.pathDetection = pathDetection;
  }

  public static EndpointClassifier fromConfig(AitapConfig config) {
    return new EndpointClassifier(
        ConfiguredEndpoint.parseList(config.get("aitap.endpoints")), config.pathDetection());
  }

  public AiEndpoint classify(URI uri) {
    if (uri == null) {
      return null;
    }
    return classify(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath());
  }

  /** Returns the endpoint, or null when the request is not an AI call. {@code port} may be -1. */
  public AiEndpoint classify(String scheme, String host, int port, String rawPath) {
    if (host == null || rawPath == null) {
      return null;
    }
    int effectivePort = port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    for (int i = 0; i < configured.size(); i++) {
      ConfiguredEndpoint endpoint = configured.get(i);
      if (endpoint.matches(scheme, host, effectivePort, rawPath)) {
        ApiProtocol protocol = OpenAiApis.forPath(rawPath);
        return protocol == null
            ? null
            : new AiEndpoint(endpoint.providerName(), protocol, host, effectivePort, null);
      }
    }
    String lowerHost = host.toLowerCase(Locale.ROOT);
    AiEndpoint known = KnownHosts.classify(lowerHost, effectivePort, rawPath);
    if (known != null) {
      return known;
    }
    if (pathDetection) {
      ApiProtocol protocol = OpenAiApis.forPath(rawPath);
      if (protocol != null) {
        return new AiEndpoint(OPENAI_COMPATIBLE, protocol, lowerHost, effectivePort, null);
      }
    }
    return null;
  }
}
