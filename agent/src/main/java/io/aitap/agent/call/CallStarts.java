package io.aitap.agent.call;

import io.aitap.agent.protocol.RequestHeaders;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

/** Where a client tap gets its calls: the {@link CallFactory} in the agent, a recording one in tests. */
@FunctionalInterface
public interface CallStarts {

  /**
   * Returns null, at the cost of the endpoint check alone, when the request is not an AI call;
   * {@code headers} are read only when its URL alone cannot tell, and for an AI call (its
   * {@code traceparent}, its attribution).
   */
  AiCall start(URI uri, RequestHeaders headers);

  /** Like {@link #start(URI, RequestHeaders)}, for clients that hold a URL. */
  default AiCall start(URL url, RequestHeaders headers) {
    try {
      return url == null ? null : start(url.toURI(), headers);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * Like {@link #start(URI, RequestHeaders)}, for clients that hold their absolute URL as a string:
   * the {@link CallFactory} checks it without building a URI.
   */
  default AiCall start(String url, RequestHeaders headers) {
    try {
      return url == null ? null : start(new URI(url), headers);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * The endpoint check alone, for hooks that keep their calls elsewhere: false when no request to
   * this URL can be an AI call, whatever its headers.
   */
  default boolean mayBeAi(URL url) {
    return url != null;
  }
}
