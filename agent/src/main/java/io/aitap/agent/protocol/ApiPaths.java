package io.aitap.agent.protocol;

/**
 * How one API names its calls in URL paths. Each provider package owns its own, so a host known by
 * name and an endpoint the user configured are read the same way.
 */
@FunctionalInterface
public interface ApiPaths {

  /** The call {@code rawPath} names on a server speaking this API, reported as {@code provider}; or null. */
  AiEndpoint endpoint(String provider, String host, int port, String rawPath);
}
