package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into HttpClient 5's async {@code doExecute}; names bootstrap types only. */
final class ApacheAsyncExecuteAdvice {

  private ApacheAsyncExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void onEnter(
      @Advice.Argument(0) Object target,
      @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object producer,
      @Advice.Argument(value = 2, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object consumer) {
    Object tapped = AitapBridge.call(ApacheAsyncClientTap.EXECUTE, target, producer, consumer, null);
    if (tapped instanceof Object[]) {
      producer = ((Object[]) tapped)[0];
      consumer = ((Object[]) tapped)[1];
    }
  }
}
