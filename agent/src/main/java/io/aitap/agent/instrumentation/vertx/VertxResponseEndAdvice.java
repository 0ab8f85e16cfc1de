package io.aitap.agent.instrumentation.vertx;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Vert.x's HTTP client where the response body ended; names bootstrap types only. */
final class VertxResponseEndAdvice {

  private VertxResponseEndAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void onEnter(@Advice.This Object response) {
    AitapBridge.call(VertxHttpClientTap.RESPONSE_END, response, null, null, null);
  }
}
