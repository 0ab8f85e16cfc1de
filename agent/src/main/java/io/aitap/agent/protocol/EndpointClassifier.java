package io.aitap.agent.protocol;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.anthropic.AnthropicMessages;
import io.aitap.agent.protocol.openai.OpenAiApis;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Decides, before anything else happens, whether an outgoing request is an AI call. It runs on
 * every request of every instrumented client, so the answer for ordinary traffic must cost no more
 * than a host lookup and a few {@code endsWith} checks. A request header is looked at only for
 * Anthropic's Messages path where neither the host nor the configuration says the API.
 */
public final class EndpointClassifier {

  /** {@code gen_ai.provider.name} for an OpenAI-style path on a host aitap does not know. */
  public static final String OPENAI_COMPATIBLE = "openai_compatible";

  /** {@code gen_ai.provider.name} for Anthropic's Messages API on a host aitap does not know. */
  public static final String ANTHROPIC_COMPATIBLE = "anthropic_compatible";

  /**
   * Every client of the Messages API sends it, and no other API does: on a host aitap does not
   * know, it tells an Anthropic-compatible gateway's {@code /v1/messages} from a chat service's.
   */
  static final String ANTHROPIC_VERSION = "anthropic-version";

  /** The headers of a request not seen yet: any header a rule asks for might be there. */
  private static final RequestHeaders UNSEEN = name -> "";

  /** The most specific base URL first, so that entries nested in one another each get their paths. */
  private final List<ConfiguredEndpoint> configured;
  private final boolean pathDetection;

  public EndpointClassifier(List<ConfiguredEndpoint> configured, boolean pathDetection) {
    List<ConfiguredEndpoint> sorted = new ArrayList<>(configured);
    sorted.sort(Comparator.comparingInt(ConfiguredEndpoint::prefixLength).reversed());
    this.configured = sorted;
    this.pathDetection = pathDetection;
  }

  public static EndpointClassifier fromConfig(AitapConfig config) {
    return new EndpointClassifier(
        ConfiguredEndpoint.parseList(config.endpoints()), config.pathDetection());
  }

  public AiEndpoint classify(URI uri, RequestHeaders headers) {
    if (uri == null) {
      return null;
    }
    return classify(uri.getScheme(), uri.getHost(), uri.getPort(), uri.getRawPath(), headers);
  }

  /** {@link #classify(String, String, int, String, RequestHeaders)} of a request with no headers. */
  public AiEndpoint classify(String scheme, String host, int port, String rawPath) {
    return classify(scheme, host, port, rawPath, RequestHeaders.NONE);
  }

  /** Returns the endpoint, or null when the request is not an AI call. {@code port} may be -1. */
  public AiEndpoint classify(String scheme, String host, int port, String rawPath, RequestHeaders headers) {
    if (host == null || rawPath == null) {
      return null;
    }
    int effectivePort = port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    String lowerHost = host.toLowerCase(Locale.ROOT);
    ConfiguredEndpoint under = null;
    for (int i = 0; i < configured.size(); i++) {
      ConfiguredEndpoint endpoint = configured.get(i);
      if (endpoint.matches(scheme, host, effectivePort, rawPath)) {
        AiEndpoint ai = endpoint.endpoint(lowerHost, effectivePort, rawPath);
        if (ai != null) {
          return ai;
        }
        under = under == null ? endpoint : under;
      }
    }
    if (under == null) {
      AiEndpoint known = KnownHosts.classify(lowerHost, effectivePort, rawPath);
      if (known != null) {
        return known;
      }
    }
    if (!pathDetection) {
      return null;
    }
    // under a configured base URL its API has read the OpenAI-style paths already
    ApiProtocol protocol = OpenAiApis.forPath(rawPath);
    if (protocol != null) {
      return new AiEndpoint(OPENAI_COMPATIBLE, protocol, lowerHost, effectivePort, null);
    }
    if (AnthropicMessages.isMessagesPath(rawPath) && hasHeader(headers, ANTHROPIC_VERSION)) {
      String provider = under != null ? under.providerName() : ANTHROPIC_COMPATIBLE;
      return new AiEndpoint(provider, AnthropicMessages.INSTANCE, lowerHost, effectivePort, null);
    }
    return null;
  }

  /**
   * Whether a request to this URL may be an AI call, its headers unseen: true for every URL
   * {@link #classify(String, String, int, String, RequestHeaders)} may accept.
   */
  public boolean mayBeAi(String scheme, String host, int port, String rawPath) {
    return classify(scheme, host, port, rawPath, UNSEEN) != null;
  }

  private static boolean hasHeader(RequestHeaders headers, String name) {
    return headers.valueOrNull(name) != null;
  }
}
