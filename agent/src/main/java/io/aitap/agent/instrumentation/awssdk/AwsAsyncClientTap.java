package io.aitap.agent.instrumentation.awssdk;

import static io.aitap.agent.instrumentation.common.LibraryMethods.call;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.CallStarts;
import io.aitap.agent.instrumentation.common.LibraryMethods;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the hook of {@code SdkAsyncHttpClient.execute} does. For an AI request the client executes
 * a copy of the SDK's request whose body publisher and response handler are proxies of the SDK's
 * own interfaces ({@link TappedByteStream}, {@link TappedResponseHandler}); everything else about
 * the request is the SDK's. A request already tapped (an SDK wrapper handing it on to the real
 * client) is left alone, so each exchange is one call.
 */
public final class AwsAsyncClientTap {

  private final CallStarts calls;

  public AwsAsyncClientTap(CallStarts calls) {
    this.calls = calls;
  }

  /** Returns the request the client should execute instead, or null when this is no AI call. */
  public Object execute(Object request) throws Exception {
    if (request == null) {
      return null;
    }
    Object handler = call(request, ExecuteRequestCopier.HANDLER);
    if (handler == null || ProxyHandlers.isTapped(handler, TappedResponseHandler.class)) {
      return null;
    }
    ExecuteRequestCopier copier = ExecuteRequestCopier.of(request.getClass());
    if (copier == null) {
      return null;
    }
    Object httpRequest = call(request, "request");
    AiCall call = calls.start((URI) call(httpRequest, "getUri"), TappedResponseHandler.header(httpRequest, "traceparent"),
        name -> TappedResponseHandler.header(httpRequest, name));
    if (call == null) {
      return null;
    }
    Object body = call(request, ExecuteRequestCopier.BODY);
    Object tappedBody =
        body == null
            ? null
            : TappedByteStream.request(
                LibraryMethods.method(request, ExecuteRequestCopier.BODY, 0).getReturnType(), body, call);
    Object tappedHandler =
        ProxyHandlers.proxy(
            LibraryMethods.method(request, ExecuteRequestCopier.HANDLER, 0).getReturnType(),
            new TappedResponseHandler(handler, call));
    AbandonWatch.watch(tappedHandler, call);
    return copier.copy(request, tappedBody, tappedHandler);
  }

  /**
   * {@code execute} returned {@code future} or threw. The future fails when the exchange does; the
   * handler hears of most failures too, but not of every one the client meets before it has a
   * response.
   */
  public void executed(Object tapped, Object future, Throwable thrown) throws Exception {
    AiCall call = callOf(tapped);
    if (call == null) {
      return;
    }
    if (thrown != null) {
      call.failed(thrown);
    } else if (future instanceof CompletableFuture) {
      ((CompletableFuture<?>) future).whenComplete((ignored, failure) -> {
        if (failure instanceof CancellationException) {
          call.cancelled();
        } else if (failure != null) {
          call.failed(failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause() : failure);
        }
      });
    }
  }

  private static AiCall callOf(Object tapped) throws Exception {
    Object handler = call(tapped, ExecuteRequestCopier.HANDLER);
    return ProxyHandlers.isTapped(handler, TappedResponseHandler.class)
        ? ((TappedResponseHandler) Proxy.getInvocationHandler(handler)).aiCall()
        : null;
  }
}
