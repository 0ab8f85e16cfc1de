package io.aitap.agent.instrumentation.reactornetty;

import io.aitap.bootstrap.AitapBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Reactor Netty's and Netty's classes; names bootstrap types only. */
final class ReactorNettyAdvice {

  private ReactorNettyAdvice() {}

  static final class RequestSending {
    private RequestSending() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void onExit(@Advice.This Object operations) {
      AitapBridge.call(ReactorNettyTap.REQUEST_SENDING, operations, null, null, null);
    }
  }

  static final class Encoding {
    private Encoding() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onEnter(@Advice.Argument(0) Object context, @Advice.Argument(1) Object message) {
      AitapBridge.call(ReactorNettyTap.REQUEST_ENCODING, context, message, null, null);
    }
  }

  static final class Inbound {
    private Inbound() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onEnter(@Advice.This Object operations, @Advice.Argument(1) Object message) {
      AitapBridge.call(ReactorNettyTap.INBOUND, operations, message, null, null);
    }
  }

  static final class InboundComplete {
    private InboundComplete() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void onExit(@Advice.This Object operations) {
      AitapBridge.call(ReactorNettyTap.INBOUND_COMPLETE, operations, null, null, null);
    }
  }

  static final class Cancelled {
    private Cancelled() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onEnter(@Advice.This Object operations) {
      AitapBridge.call(ReactorNettyTap.CANCELLED, operations, null, null, null);
    }
  }

  static final class InboundError {
    private InboundError() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onEnter(@Advice.This Object operations, @Advice.Argument(0) Throwable error) {
      AitapBridge.call(ReactorNettyTap.FAILED, operations, null, null, error);
    }
  }

  static final class Uncaught {
    private Uncaught() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onEnter(@Advice.Argument(0) Object connection, @Advice.Argument(1) Throwable error) {
      AitapBridge.call(ReactorNettyTap.FAILED, connection, null, null, error);
    }
  }
}
