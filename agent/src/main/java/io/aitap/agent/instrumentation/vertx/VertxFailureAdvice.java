package io.aitap.agent.instrumentation.vertx;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Vert.x's HTTP client where the request or its response failed; names bootstrap types only. */
final class VertxFailureAdvice {

  private VertxFailureAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void onEnter(@Advice.This Object requestOrResponse, @Advice.Argument(0) Throwable failure) {
    AitapBridge.call(VertxHttpClientTap.FAILED, requestOrResponse, null, null, failure);
  }
}
