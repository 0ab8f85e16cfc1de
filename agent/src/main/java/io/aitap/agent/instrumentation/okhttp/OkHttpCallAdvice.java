package io.aitap.agent.instrumentation.okhttp;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into OkHttp's {@code RealCall}; names bootstrap types only. */
final class OkHttpCallAdvice {

  private OkHttpCallAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object onEnter(@Advice.This Object call) {
    return AitapBridge.call(OkHttpTap.CALL_START, call, null, null, null);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void onExit(
      @Advice.Enter Object aiCall,
      @Advice.This Object call,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object response,
      @Advice.Thrown Throwable thrown) {
    if (aiCall != null) {
      response = AitapBridge.call(OkHttpTap.CALL_END, call, aiCall, response, thrown);
    }
  }
}
