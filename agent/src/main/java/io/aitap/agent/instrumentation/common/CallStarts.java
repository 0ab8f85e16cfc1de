package io.aitap.agent.instrumentation.common;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.protocol.RequestHeaders;
import java.net.URI;

/** Where a library tap gets its calls: {@code CallFactory::start} in the agent, a recording protocol in tests. */
@FunctionalInterface
public interface CallStarts {

  /**
   * Returns null, at the cost of the endpoint check alone, when the request is not an AI call;
   * {@code headers} are read only when its URL alone cannot tell.
   */
  AiCall start(URI uri, String traceparent, RequestHeaders headers);
}
