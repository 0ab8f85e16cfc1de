package io.aitap.agent.instrumentation.vertx;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into Vert.x's HTTP client where the request's body is about to be written: {@code data}
 * (a Netty {@code ByteBuf}, from 5.1 a Vert.x {@code Buffer}, or null) and whether it is the last.
 * Names bootstrap types only.
 */
final class VertxRequestWriteAdvice {

  private VertxRequestWriteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void onEnter(
      @Advice.This Object request, @Advice.Argument(0) Object data, @Advice.Argument(1) boolean end) {
    AitapBridge.call(VertxHttpClientTap.REQUEST_WRITE, request, data, end, null);
  }
}
