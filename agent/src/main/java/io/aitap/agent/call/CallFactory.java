package io.aitap.agent.call;

import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.RequestHeaders;
import java.net.URI;
import java.net.URL;

/** Where every client hook starts: the endpoint check, and for AI calls a new record. */
public final class CallFactory implements CallStarts {

  private final EndpointClassifier classifier;
  private final CallsInFlight calls;

  public CallFactory(EndpointClassifier classifier, CallSink sink) {
    this.classifier = classifier;
    this.calls = new CallsInFlight(sink);
  }

  @Override
  public AiCall start(URI uri, String traceparent, RequestHeaders headers) {
    return start(classifier.classify(uri, headers), traceparent);
  }

  @Override
  public AiCall start(URL url, String traceparent, RequestHeaders headers) {
    return url == null ? null : start(
        classifier.classify(url.getProtocol(), url.getHost(), url.getPort(), url.getPath(), headers), traceparent);
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

  @Override
  public boolean mayBeAi(URL url) {
    return url != null && classifier.mayBeAi(url.getProtocol(), url.getHost(), url.getPort(), url.getPath());
  }
}
