package io.aitap.agent.instrumentation.vertx;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Vert.x's HTTP client where the response head reached the request; names bootstrap types only. */
final class VertxResponseAdvice {

  private VertxResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void onEnter(@Advice.This Object request, @Advice.Argument(0) Object response) {
    AitapBridge.call(VertxHttpClientTap.RESPONSE, request, response, null, null);
  }
}
