package io.aitap.agent.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import io.aitap.agent.instrumentation.LibraryNames;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

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
  public ElementMatcher<TypeDescription> types() {
    return namedOneOf(TYPES.toArray(new String[0]));
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(
        nameStartsWith("getResponseWithInterceptorChain")
            .and(takesArguments(0))
            .and(returns(named(OKHTTP + ".Response"))),
        OkHttpCallAdvice.class);
    advisor.advise(
        named("intercept").and(takesArguments(1)).and(takesArgument(0, named(OKHTTP + ".Interceptor$Chain"))),
        OkHttpWireAdvice.class);
  }
}
