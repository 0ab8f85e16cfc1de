package io.aitap.agent.instrumentation.jdkhttp;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.protocol.ResponseHead;
import java.net.http.HttpResponse;

/** Records the response head, then lets the application's own handler build the subscriber, which it taps. */
final class TappedBodyHandler<T> implements HttpResponse.BodyHandler<T> {

  private final AiCall call;
  private final HttpResponse.BodyHandler<T> delegate;

  TappedBodyHandler(AiCall call, HttpResponse.BodyHandler<T> delegate) {
    this.call = call;
    this.delegate = delegate;
  }

  @Override
  public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
    try {
      call.responseHead(
          new ResponseHead(info.statusCode(), name -> info.headers().firstValue(name).orElse(null)));
    } catch (RuntimeException e) {
      call.failed(e);
    }
    HttpResponse.BodySubscriber<T> subscriber;
    try {
      subscriber = delegate.apply(info);
    } catch (RuntimeException | Error e) {
      call.failed(e);
      throw e;
    }
    return subscriber == null ? null : new TappedBodySubscriber<>(call, subscriber);
  }
}
