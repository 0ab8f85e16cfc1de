package io.aitap.agent.call;

import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import java.net.URI;
import java.net.URL;

/** Where every client hook starts: the endpoint check, and for AI calls a new record. */
public final class CallFactory {

  private final EndpointClassifier classifier;
  private final CallsInFlight calls;

  public CallFactory(EndpointClassifier classifier, CallSink sink) {
    this.classifier = classifier;
    this.calls = new CallsInFlight(sink);
  }

  /** Returns null, at the cost of the endpoint check alone, when the request is not an AI call. */
  public AiCall start(URI uri, String traceparent) {
    return start(classifier.classify(uri), traceparent);
  }

  public AiCall start(URL url, String traceparent) {
    return start(classify(url), traceparent);
  }

  private AiCall start(AiEndpoint endpoint, String traceparent) {
    if (endpoint == null) {
      return null;
    }
    AiCall call = new AiCall(endpoint, calls, traceparent);
    calls.started(call);
    return call;
  }

  /** Ends the calls still open as abandoned: at JVM shutdown, so that they are reported at all. */
  public void abandonOpenCalls() {
    calls.abandonAll();
  }

  /** The endpoint check alone, for hooks that keep their calls elsewhere. */
  public boolean isAi(URL url) {
    return classify(url) != null;
  }

  private AiEndpoint classify(URL url) {
    return url == null ? null : classifier.classify(url.getProtocol(), url.getHost(), url.getPort(), url.getPath());
  }
}
