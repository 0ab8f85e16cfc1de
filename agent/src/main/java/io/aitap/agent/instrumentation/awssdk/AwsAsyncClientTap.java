package io.aitap.agent.instrumentation.awssdk;

import static io.aitap.agent.instrumentation.common.LibraryMethods.call;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.LibraryMethods;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import io.aitap.agent.instrumentation.reactornetty.ReactorNettyTap;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
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

  // The hooks its advice calls, by name.
  static final String EXECUTE = "aws-sdk.execute";
  static final String EXECUTED = "aws-sdk.executed";

  private static final String REQUEST_CONTEXT = "aws.http.nio.netty.async.requestContext";

  /** {@code Channel.attr} and the SDK's key of the exchange, per channel class. */
  private static final ClassValue<Object[]> REQUEST_CONTEXT_ATTRIBUTE =
      new ClassValue<Object[]>() {
        @Override
        protected Object[] computeValue(Class<?> channelClass) {
          try {
            Class<?> keyType = Class.forName("io.netty.util.AttributeKey", false, channelClass.getClassLoader());
            Object key = LibraryMethods.invoke(LibraryMethods.require(keyType, "valueOf", String.class), null, REQUEST_CONTEXT);
            return new Object[] {LibraryMethods.require(channelClass, "attr", keyType), key};
          } catch (Exception | LinkageError e) {
            return null;
          }
        }
      };

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
    AiCall call = calls.start((URI) call(httpRequest, "getUri"), name -> headerOrXray(httpRequest, name));
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
    Object tapped = copier.copy(request, tappedBody, tappedHandler);
    open.incrementAndGet();
    return tapped;
  }

  /** Netty's HTTP/1.1 encoder of the channel of {@code context} is about to encode {@code message}. */
  public void requestEncoding(Object context, Object message) throws Exception {
    if (open.get() == 0 || LibraryMethods.method(message, "headers", 0) == null) {
      return;
    }
    Object channel = call(context, "channel");
    Object[] attribute = channel == null ? null : REQUEST_CONTEXT_ATTRIBUTE.get(channel.getClass());
    if (attribute == null) {
      return;
    }
    Object requestContext = call(LibraryMethods.invoke((Method) attribute[0], channel, attribute[1]), "get");
    Object handler = requestContext == null ? null : call(requestContext, "handler");
    if (ProxyHandlers.isTapped(handler, TappedResponseHandler.class)) {
      Object headers = call(message, "headers");
      ((TappedResponseHandler) Proxy.getInvocationHandler(handler)).aiCall()
          .requestHeaders(name -> {
            Object value = call(headers, "get", name);
            return value == null ? null : value.toString();
          });
    }
  }

  /**
   * A header of the SDK's request; a {@code traceparent} it lacks is read from the X-Ray header the
   * SDK's tracing (the OpenTelemetry Java agent's AWS instrumentation included) sends instead.
   */
  private static String headerOrXray(Object httpRequest, String name) {
    String value = TappedResponseHandler.header(httpRequest, name);
    if (value == null && "traceparent".equals(name)) {
      value = XrayTraceHeader.asTraceparent(TappedResponseHandler.header(httpRequest, XrayTraceHeader.NAME));
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
    Object handler = call(tapped, ExecuteRequestCopier.HANDLER);
    return ProxyHandlers.isTapped(handler, TappedResponseHandler.class)
        ? ((TappedResponseHandler) Proxy.getInvocationHandler(handler)).aiCall()
        : null;
  }
}
