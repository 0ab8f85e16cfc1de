package io.aitap.agent.instrumentation.jdkhttp;

import static io.aitap.agent.instrumentation.weaving.HookCall.call;
import static io.aitap.agent.instrumentation.weaving.Value.ENTERED;
import static io.aitap.agent.instrumentation.weaving.Value.NULL;
import static io.aitap.agent.instrumentation.weaving.Value.RETURNED;
import static io.aitap.agent.instrumentation.weaving.Value.THROWN;
import static io.aitap.agent.instrumentation.weaving.Value.argument;

import io.aitap.agent.instrumentation.common.JdkClassInstrumentation;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.MethodHooks;
import io.aitap.agent.instrumentation.weaving.Methods;
import java.util.List;

/**
 * {@code java.net.http.HttpClient}, Java 11 and later: {@code HttpClientImpl}'s private
 * four-argument {@code sendAsync}, through which {@code send} and both public {@code sendAsync}
 * methods pass. An AI request's body handler is swapped for one that taps the response.
 */
public final class JdkHttpClientInstrumentation extends JdkClassInstrumentation {

  public JdkHttpClientInstrumentation() {
    super("jdk-httpclient", "java.net.http", "jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public List<HookPoint> hookPoints() {
    return List.of(
        new HookPoint(
            Methods.named("sendAsync")
                .isPrivate()
                .arguments(4)
                .argument(0, "java.net.http.HttpRequest")
                .argument(1, "java.net.http.HttpResponse$BodyHandler"),
            MethodHooks.onEnter(call(JdkHttpClientTap.SEND, argument(0), argument(1)))
                .answerReplaces(1)
                .thenOnReturnOrThrow(call(JdkHttpClientTap.SENT, ENTERED, NULL, RETURNED, THROWN))
                .onlyWhenEntered()));
  }
}
