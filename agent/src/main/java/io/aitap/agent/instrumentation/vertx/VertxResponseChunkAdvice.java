package io.aitap.agent.instrumentation.vertx;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Vert.x's HTTP client where a chunk of the response body is about to reach the application's handler; names bootstrap types only. */
final class VertxResponseChunkAdvice {

  private VertxResponseChunkAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void onEnter(@Advice.This Object response, @Advice.Argument(0) Object chunk) {
    AitapBridge.call(VertxHttpClientTap.RESPONSE_CHUNK, response, chunk, null, null);
  }
}
