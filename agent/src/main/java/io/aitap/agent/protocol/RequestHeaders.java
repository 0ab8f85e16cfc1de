package io.aitap.agent.protocol;

import io.aitap.agent.AgentLog;

/**
 * The headers of a request about to be sent, looked up only when its URL alone cannot tell whether
 * it is an AI call. A lookup that fails counts as a missing header.
 */
@FunctionalInterface
public interface RequestHeaders {

  RequestHeaders NONE = name -> null;

  /** The first value of the header, or null. */
  String get(String name) throws Exception;

  /** {@link #get}, a lookup that fails giving null. */
  default String valueOrNull(String name) {
    try {
      return get(name);
    } catch (Exception | LinkageError e) {
      AgentLog.debug("could not read the request header " + name, e);
      return null;
    }
  }
}
