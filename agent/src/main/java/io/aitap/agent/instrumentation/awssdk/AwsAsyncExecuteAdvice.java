package io.aitap.agent.instrumentation.awssdk;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into an {@code SdkAsyncHttpClient.execute}; names bootstrap types only. */
final class AwsAsyncExecuteAdvice {

  private AwsAsyncExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object onEnter(
      @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request) {
    Object tapped = AitapBridge.call(AwsAsyncClientTap.EXECUTE, request, null, null, null);
    if (tapped != null) {
      request = tapped;
    }
    return tapped;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void onExit(
      @Advice.Enter Object tapped,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object future,
      @Advice.Thrown Throwable thrown) {
    if (tapped != null) {
      AitapBridge.call(AwsAsyncClientTap.EXECUTED, tapped, null, future, thrown);
    }
  }
}
