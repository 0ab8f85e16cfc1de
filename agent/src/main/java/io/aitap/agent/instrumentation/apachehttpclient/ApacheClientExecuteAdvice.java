package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code doExecute(HttpHost, request, HttpContext)} of HttpClient 4.5 and 5.x classic
 * clients; names bootstrap types only. Entry and exit always reach the hooks, which count nesting.
 */
final class ApacheClientExecuteAdvice {

  private ApacheClientExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object onEnter(@Advice.Argument(0) Object target, @Advice.Argument(1) Object request) {
    return AitapBridge.call(ApacheHttpClientTap.ENTER, target, request, null, null);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void onExit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object response,
      @Advice.Thrown Throwable thrown) {
    AitapBridge.call(ApacheHttpClientTap.EXIT, call, null, response, thrown);
  }
}
