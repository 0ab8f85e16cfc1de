package io.aitap.agent.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

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

  @Override
  public String name() {
    return "reactor-netty";
  }

  @Override
  public List<String> typeNames() {
    return List.of(OPERATIONS, CHANNEL_OPERATIONS, OBSERVER, ENCODER);
  }

  @Override
  public ElementMatcher<TypeDescription> types() {
    return named(OPERATIONS).and(declaresMethod(named("currentContextView")))
        .or(named(CHANNEL_OPERATIONS))
        .or(named(OBSERVER))
        .or(named(ENCODER));
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(operations("beforeMarkSentHeaders", 0), ReactorNettyAdvice.RequestSending.class);
    advisor.advise(operations("onInboundNext", 2), ReactorNettyAdvice.Inbound.class);
    advisor.advise(operations("afterInboundComplete", 0), ReactorNettyAdvice.InboundComplete.class);
    advisor.advise(operations("onInboundCancel", 0), ReactorNettyAdvice.Cancelled.class);
    advisor.advise(
        isDeclaredBy(named(CHANNEL_OPERATIONS)).and(named("onInboundError"))
            .and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
        ReactorNettyAdvice.InboundError.class);
    advisor.advise(
        isDeclaredBy(named(OBSERVER)).and(named("onUncaughtException"))
            .and(takesArguments(2)).and(takesArgument(1, Throwable.class)),
        ReactorNettyAdvice.Uncaught.class);
    advisor.advise(
        isDeclaredBy(named(ENCODER)).and(named("encode")).and(takesArguments(3)),
        ReactorNettyAdvice.Encoding.class);
  }

  private static ElementMatcher.Junction<MethodDescription> operations(String method, int arguments) {
    return isDeclaredBy(named(OPERATIONS)).and(named(method)).and(takesArguments(arguments));
  }
}
