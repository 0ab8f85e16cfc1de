package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into HttpClient 4.5's {@code HttpResponseProxy.close()}; names bootstrap types only. */
final class ApacheResponseCloseAdvice {

  private ApacheResponseCloseAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void onExit(@Advice.This Object response) {
    AitapBridge.call(ApacheHttpClientTap.RESPONSE_CLOSED, response, null, null, null);
  }
}
