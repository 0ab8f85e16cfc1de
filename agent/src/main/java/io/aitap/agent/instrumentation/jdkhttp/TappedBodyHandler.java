package io.aitap.agent.instrumentation.jdkhttp;

import io.aitap.agent.call.AiCall;
import java.net.http.HttpResponse;

/** The application's body handler, its subscriber tapped for the call. */
final class TappedBodyHandler<T> implements HttpResponse.BodyHandler<T> {

  final AiCall call;
  private final HttpResponse.BodyHandler<T> handler;

  TappedBodyHandler(AiCall call, HttpResponse.BodyHandler<T> handler) {
    this.call = call;
    this.handler = handler;
  }

  @Override
  public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
    return TappedBodySubscriber.forResponse(call, info, handler);
  }
}
