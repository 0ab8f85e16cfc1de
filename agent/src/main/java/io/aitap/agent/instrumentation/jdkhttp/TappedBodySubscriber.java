package io.aitap.agent.instrumentation.jdkhttp;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.protocol.ResponseHead;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Sits between the client and the application's body subscriber. The call reads duplicates of each
 * list of buffers just before the application gets the list itself, untouched: positions the
 * application sees never move, and nothing is requested beyond what the application asks for.
 * Reading first, not after, because once delivered the client may recycle a buffer.
 *
 * <p>The call ends before the application hears that the body ended, as the other asynchronous
 * clients' taps end it ({@link AiCall} never throws): an application that exits as soon as it has
 * its answer would otherwise race aitap's shutdown with the end of its own last call, and lose its
 * metrics or see it counted as abandoned.
 */
final class TappedBodySubscriber<T> implements HttpResponse.BodySubscriber<T> {

  private final AiCall call;
  private final HttpResponse.BodySubscriber<T> delegate;

  private TappedBodySubscriber(AiCall call, HttpResponse.BodySubscriber<T> delegate) {
    this.call = call;
    this.delegate = delegate;
  }

  /**
   * What the body handler aitap puts before the application's does: records the response head,
   * then lets the application's handler build the subscriber, which it taps.
   */
  static <T> HttpResponse.BodySubscriber<T> forResponse(
      AiCall call, HttpResponse.ResponseInfo info, HttpResponse.BodyHandler<T> handler) {
    try {
      call.responseHead(
          new ResponseHead(info.statusCode(), name -> info.headers().firstValue(name).orElse(null)));
    } catch (RuntimeException e) {
      call.failed(e);
    }
    HttpResponse.BodySubscriber<T> subscriber;
    try {
      subscriber = handler.apply(info);
    } catch (RuntimeException | Error e) {
      call.failed(e);
      throw e;
    }
    return subscriber == null ? null : new TappedBodySubscriber<>(call, subscriber);
  }

  @Override
  public CompletionStage<T> getBody() {
    return delegate.getBody();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    delegate.onSubscribe(new TappedSubscription(subscription, call));
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    for (int i = 0; i < item.size(); i++) {
      call.responseBody(item.get(i));
    }
    delegate.onNext(item);
  }

  @Override
  public void onError(Throwable throwable) {
    call.failed(throwable);
    delegate.onError(throwable);
  }

  @Override
  public void onComplete() {
    call.responseComplete();
    delegate.onComplete();
  }

  /** Notices when the application gives the body up ({@code InputStream.close()}, a cancelled publisher). */
  private static final class TappedSubscription implements Flow.Subscription {
    private final Flow.Subscription delegate;
    private final AiCall call;

    TappedSubscription(Flow.Subscription delegate, AiCall call) {
      this.delegate = delegate;
      this.call = call;
    }

    @Override
    public void request(long n) {
      delegate.request(n);
    }

    @Override
    public void cancel() {
      try {
        delegate.cancel();
      } finally {
        call.abandoned();
      }
    }
  }
}
