package io.aitap.agent.instrumentation.jdkhttp;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code HttpClientImpl}'s private four-argument {@code sendAsync}, through which
 * {@code send} and both public {@code sendAsync} methods pass. May name bootstrap types only.
 */
final class HttpClientSendAdvice {

  private HttpClientSendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object onEnter(
      @Advice.Argument(0) Object request,
      @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object handler) {
    Object call = AitapBridge.call(JdkHttpClientTap.SEND, request, null, null, null);
    if (call != null) {
      handler = AitapBridge.call(JdkHttpClientTap.BODY_HANDLER, call, null, handler, null);
    }
    return call;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void onExit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object future,
      @Advice.Thrown Throwable thrown) {
    if (call != null) {
      AitapBridge.call(JdkHttpClientTap.SENT, call, null, future, thrown);
    }
  }
}
