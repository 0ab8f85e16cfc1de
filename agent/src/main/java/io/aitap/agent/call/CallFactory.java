package io.aitap.agent.call;

import io.aitap.agent.attribution.Attribution;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.CaptureSettings;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.RequestHeaders;
import java.net.URI;
import java.net.URL;

/** Where every client hook starts: the endpoint check, and for AI calls a new record. */
public final class CallFactory implements CallStarts {

  private final EndpointClassifier classifier;
  private final CallsInFlight calls;
  private final CaptureSettings capture;
  private final Attribution attribution;

  public CallFactory(EndpointClassifier classifier, CallSink sink) {
    this(classifier, sink, CaptureSettings.OFF, Attribution.NONE);
  }

  public CallFactory(EndpointClassifier classifier, CallSink sink, CaptureSettings capture, Attribution attribution) {
    this.classifier = classifier;
    this.calls = new CallsInFlight(sink);
    this.capture = capture;
    this.attribution = attribution;
  }

  @Override
  public AiCall start(URI uri, RequestHeaders headers) {
    return start(classifier.classify(uri, headers), headers);
  }

  @Override
  public AiCall start(URL url, RequestHeaders headers) {
    return url == null ? null : start(
        classifier.classify(url.getProtocol(), url.getHost(), url.getPort(), url.getPath(), headers), headers);
  }

  @Override
  public AiCall start(String url, RequestHeaders headers) {
    RequestUrl parts = RequestUrl.parse(url);
    return parts == null ? null : start(
        classifier.classify(parts.scheme, parts.host, parts.port, parts.rawPath, headers), headers);
  }

  private AiCall start(AiEndpoint endpoint, RequestHeaders headers) {
    if (endpoint == null) {
      return null;
    }
    AiCall call = new AiCall(endpoint, calls, attribution);
    call.requestHeaders(headers);
    CallContent content = capture.newCallContent(endpoint);
    if (content != null) {
      call.captureContent(content);
    }
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
