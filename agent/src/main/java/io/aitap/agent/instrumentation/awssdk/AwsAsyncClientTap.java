package io.aitap.agent.instrumentation.awssdk;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import io.aitap.agent.instrumentation.reactornetty.ReactorNettyTap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the hook of {@code SdkAsyncHttpClient.execute} does. For an AI request the client executes
 * a copy of the SDK's request whose body publisher and response handler are proxies of the SDK's
 * own interfaces ({@link TappedByteStream}, {@link TappedResponseHandler}); everything else about
 * the request is the SDK's. A request already tapped (an SDK wrapper handing it on to the real
 * client) is left alone, so each exchange is one call.
 *
 * <p>The span's parent is the trace context the request head carried on the wire: a tracing
 * agent's Netty handler (the OpenTelemetry Java agent's HTTP client span) injects it below the SDK,
 * in the channel's pipeline. Netty's HTTP encoder reports each head; the SDK keeps the exchange a
 * channel serves in a channel attribute, whose response handler is aitap's proxy for an AI call.
 * Without such a handler, the request carries the SDK span's context in X-Ray's header alone (the
 * OpenTelemetry agent's AWS SDK instrumentation puts it there): the AI span joins that span.
 */
public final class AwsAsyncClientTap implements ClientHooks {

  // The hooks woven into its library, by name.
  static final String EXECUTE = "aws-sdk.execute";
  static final String EXECUTED = "aws-sdk.executed";

  private final CallStarts calls;
  /** AI exchanges executed and not yet completed: while there are none, Netty's encoder costs nothing more. */
  private final AtomicInteger open = new AtomicInteger();

  public AwsAsyncClientTap(CallStarts calls) {
    this.calls = calls;
  }

  /** The Netty client's request head, as it is encoded, comes from Reactor Netty's hook of Netty's encoder. */
  @Override
  public void registerHooks(HookRegistry hooks) {
    hooks.add(EXECUTE, (request, none, value, thrown) -> execute(request));
    hooks.addListener(EXECUTED, (tapped, none, future, thrown) -> executed(tapped, future, thrown));
    hooks.addListener(ReactorNettyTap.REQUEST_ENCODING, (context, message, value, thrown) -> requestEncoding(context, message));
  }

  /** Returns the request the client should execute instead, or null when this is no AI call. */
  public Object execute(Object request) throws Exception {
    AwsSdkApi api = request == null ? null : AwsSdkApi.of(request);
    if (api == null) {
      return null;
    }
    Object handler = api.handler(request);
    if (handler == null || ProxyHandlers.isTapped(handler, TappedResponseHandler.class)) {
      return null;
    }
    Object httpRequest = api.httpRequest(request);
    AiCall call = calls.start(api.uri(httpRequest), name -> headerOrXray(api, httpRequest, name));
    if (call == null) {
      return null;
    }
    Object body = api.body(request);
    Object tappedBody = body == null ? null : TappedByteStream.request(api.bodyType(), body, call);
    Object tappedHandler = ProxyHandlers.proxy(api.handlerType(), new TappedResponseHandler(handler, call, api));
    AbandonWatch.watch(tappedHandler, call);
    Object tapped = api.copy(request, tappedBody, tappedHandler);
    open.incrementAndGet();
    return tapped;
  }

  /** Netty's HTTP/1.1 encoder of the channel of {@code context} is about to encode {@code message}. */
  public void requestEncoding(Object context, Object message) throws Exception {
    if (open.get() == 0) {
      return;
    }
    NettyChannelExchange netty = NettyChannelExchange.of(context.getClass());
    if (netty == null || !netty.isHead(message)) {
      return;
    }
    TappedResponseHandler tapped = ProxyHandlers.handlerOf(netty.handler(context), TappedResponseHandler.class);
    if (tapped != null) {
      tapped.aiCall().requestHeaders(netty.headers(message));
    }
  }

  /**
   * A header of the SDK's request; a {@code traceparent} it lacks is read from the X-Ray header the
   * SDK's tracing (the OpenTelemetry Java agent's AWS instrumentation included) sends instead.
   */
  private static String headerOrXray(AwsSdkApi api, Object httpRequest, String name) {
    String value = api.requestHeader(httpRequest, name);
    if (value == null && "traceparent".equals(name)) {
      value = XrayTraceHeader.asTraceparent(api.requestHeader(httpRequest, XrayTraceHeader.NAME));
    }
    return value;
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
      open.decrementAndGet();
      call.failed(thrown);
    } else if (!(future instanceof CompletableFuture)) {
      open.decrementAndGet();
    } else {
      ((CompletableFuture<?>) future).whenComplete((ignored, failure) -> {
        open.decrementAndGet();
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
    AwsSdkApi api = AwsSdkApi.of(tapped);
    TappedResponseHandler handler =
        api == null ? null : ProxyHandlers.handlerOf(api.handler(tapped), TappedResponseHandler.class);
    return handler == null ? null : handler.aiCall();
  }
}
