package io.aitap.agent.call;

import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import java.net.URI;
import java.net.URL;

/** Where every client hook starts: the endpoint check, and for AI calls a new record. */
public final class CallFactory {

  private final EndpointClassifier classifier;
  private final CallSink sink;

  public CallFactory(EndpointClassifier classifier, CallSink sink) {
    this.classifier = classifier;
    this.sink = sink;
  }

  /** Returns null, at the cost of the endpoint check alone, when the request is not an AI call. */
  public AiCall start(URI uri, String traceparent) {
    AiEndpoint endpoint = classifier.classify(uri);
    return endpoint == null ? null : new AiCall(endpoint, sink, traceparent);
  }

  public AiCall start(URL url, String traceparent) {
    AiEndpoint endpoint = classify(url);
    return endpoint == null ? null : new AiCall(endpoint, sink, traceparent);
  }

  /** The endpoint check alone, for hooks that keep their calls elsewhere. */
  public boolean isAi(URL url) {
    return classify(url) != null;
  }

  private AiEndpoint classify(URL url) {
    return url == null ? null : classifier.classify(url.getProtocol(), url.getHost(), url.getPort(), url.getPath());
  }
}
