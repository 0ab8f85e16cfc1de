package io.aitap.agent.instrumentation.okhttp;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into OkHttp's {@code CallServerInterceptor.intercept}; names bootstrap types only. */
final class OkHttpWireAdvice {

  private OkHttpWireAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void onEnter(@Advice.Argument(0) Object chain) {
    AitapBridge.call(OkHttpTap.WIRE, chain, null, null, null);
  }
}
