package io.aitap.agent.instrumentation.okhttp;

import static io.aitap.agent.instrumentation.weaving.HookCall.call;
import static io.aitap.agent.instrumentation.weaving.Value.ENTERED;
import static io.aitap.agent.instrumentation.weaving.Value.RETURNED;
import static io.aitap.agent.instrumentation.weaving.Value.THIS;
import static io.aitap.agent.instrumentation.weaving.Value.THROWN;
import static io.aitap.agent.instrumentation.weaving.Value.argument;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import io.aitap.agent.instrumentation.LibraryNames;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.MethodHooks;
import io.aitap.agent.instrumentation.weaving.Methods;
import io.aitap.agent.instrumentation.weaving.TypeView;
import java.util.List;

/**
 * OkHttp 3.x ({@code okhttp3.RealCall}), 4.x and 5.x ({@code okhttp3.internal.connection.RealCall},
 * the latter shipped in {@code okhttp-jvm}). Both {@code execute} and the dispatcher thread of
 * {@code enqueue} obtain the application's response from {@code getResponseWithInterceptorChain}
 * (Kotlin mangles its name to {@code getResponseWithInterceptorChain$okhttp}). The last interceptor,
 * {@code CallServerInterceptor}, shows each attempt's request as it goes on the wire, after every
 * application and network interceptor (a tracing interceptor's {@code traceparent} included).
 */
public final class OkHttpInstrumentation implements ClientInstrumentation {

  private static final String OKHTTP = LibraryNames.okHttp();

  @Override
  public String name() {
    return "okhttp";
  }

  /** OkHttp 3's call, OkHttp 4's, and the interceptor that writes each attempt. */
  private static final List<String> TYPES =
      List.of(OKHTTP + ".RealCall", OKHTTP + ".internal.connection.RealCall", OKHTTP + ".internal.http.CallServerInterceptor");

  @Override
  public List<String> typeNames() {
    return TYPES;
  }

  @Override
  public boolean matches(TypeView type) {
    return TYPES.contains(type.name());
  }

  @Override
  public List<HookPoint> hookPoints() {
    return List.of(
        new HookPoint(
            Methods.nameStartsWith("getResponseWithInterceptorChain").arguments(0).returns(OKHTTP + ".Response"),
            MethodHooks.onEnter(call(OkHttpTap.CALL_START, THIS))
                .thenOnReturnOrThrow(call(OkHttpTap.CALL_END, THIS, ENTERED, RETURNED, THROWN))
                .onlyWhenEntered()
                .answerIsReturned()),
        new HookPoint(
            Methods.named("intercept").arguments(1).argument(0, OKHTTP + ".Interceptor$Chain"),
            MethodHooks.onEnter(call(OkHttpTap.WIRE, argument(0)))));
  }
}
