package io.aitap.agent.instrumentation.reactornetty;

import static io.aitap.agent.instrumentation.weaving.HookCall.call;
import static io.aitap.agent.instrumentation.weaving.Value.NULL;
import static io.aitap.agent.instrumentation.weaving.Value.THIS;
import static io.aitap.agent.instrumentation.weaving.Value.argument;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import io.aitap.agent.instrumentation.weaving.HookCall;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.MethodHooks;
import io.aitap.agent.instrumentation.weaving.Methods;
import io.aitap.agent.instrumentation.weaving.TypeView;
import io.aitap.agent.instrumentation.weaving.Value;
import java.util.List;

/**
 * Reactor Netty's HTTP client, 1.0 to 1.3 (Spring's {@code WebClient}, the Azure SDK). Its internals
 * that every one of these versions shares:
 *
 * <ul>
 *   <li>{@code HttpClientOperations}, one per request on the wire: {@code beforeMarkSentHeaders}
 *       (the head is final), {@code onInboundNext} (each response message, before the application's
 *       subscriber gets it), {@code afterInboundComplete} (the response is whole, or followed up),
 *       {@code onInboundCancel} (the application disposed it);
 *   <li>{@code ChannelOperations.onInboundError} and {@code HttpClientConnect$HttpObserver
 *       .onUncaughtException}: failures, and the redirects Reactor Netty follows;
 *   <li>Netty's {@code HttpClientCodec$Encoder.encode}: the request body bytes as they go out.
 * </ul>
 *
 * <p>0.9 has classes of the same names; it lacks {@code currentContextView}, which came with 1.0,
 * so its operations are left alone and no call ever starts there.
 */
public final class ReactorNettyInstrumentation implements ClientInstrumentation {

  private static final String CLIENT = "reactor.netty.http.client.";
  private static final String OPERATIONS = CLIENT + "HttpClientOperations";
  private static final String CHANNEL_OPERATIONS = "reactor.netty.channel.ChannelOperations";
  private static final String OBSERVER = CLIENT + "HttpClientConnect$HttpObserver";
  private static final String ENCODER = "io.netty.handler.codec.http.HttpClientCodec$Encoder";
  private static final String THROWABLE = "java.lang.Throwable";

  @Override
  public String name() {
    return "reactor-netty";
  }

  @Override
  public List<String> typeNames() {
    return List.of(OPERATIONS, CHANNEL_OPERATIONS, OBSERVER, ENCODER);
  }

  @Override
  public boolean matches(TypeView type) {
    String name = type.name();
    if (name.equals(OPERATIONS)) {
      return type.declaresMethod("currentContextView");
    }
    return name.equals(CHANNEL_OPERATIONS) || name.equals(OBSERVER) || name.equals(ENCODER);
  }

  @Override
  public List<HookPoint> hookPoints() {
    return List.of(
        new HookPoint(
            operations("beforeMarkSentHeaders", 0), MethodHooks.onReturn(call(ReactorNettyTap.REQUEST_SENDING, THIS))),
        new HookPoint(
            operations("onInboundNext", 2), MethodHooks.onEnter(call(ReactorNettyTap.INBOUND, THIS, argument(1)))),
        new HookPoint(
            operations("afterInboundComplete", 0),
            MethodHooks.onReturnOrThrow(call(ReactorNettyTap.INBOUND_COMPLETE, THIS))),
        new HookPoint(operations("onInboundCancel", 0), MethodHooks.onEnter(call(ReactorNettyTap.CANCELLED, THIS))),
        new HookPoint(
            Methods.named("onInboundError").declaredBy(CHANNEL_OPERATIONS).arguments(1).argument(0, THROWABLE),
            MethodHooks.onEnter(failed(THIS, 0))),
        new HookPoint(
            Methods.named("onUncaughtException").declaredBy(OBSERVER).arguments(2).argument(1, THROWABLE),
            MethodHooks.onEnter(failed(argument(0), 1))),
        new HookPoint(
            Methods.named("encode").declaredBy(ENCODER).arguments(3),
            MethodHooks.onEnter(call(ReactorNettyTap.REQUEST_ENCODING, argument(0), argument(1)))));
  }

  private static HookCall failed(Value target, int error) {
    return call(ReactorNettyTap.FAILED, target, NULL, NULL, argument(error));
  }

  private static Methods operations(String method, int arguments) {
    return Methods.named(method).declaredBy(OPERATIONS).arguments(arguments);
  }
}
