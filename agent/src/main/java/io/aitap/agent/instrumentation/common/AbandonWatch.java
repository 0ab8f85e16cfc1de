package io.aitap.agent.instrumentation.common;

import io.aitap.agent.call.AiCall;
import java.lang.ref.Cleaner;

/**
 * Ends a call whose response the application dropped without reading to the end or closing: when
 * the watched object becomes unreachable, the call is reported with what was known by then.
 */
public final class AbandonWatch {

  private static final Cleaner CLEANER =
      Cleaner.create(
          runnable -> {
            Thread thread = new Thread(runnable, "aitap-abandoned-calls");
            thread.setDaemon(true);
            return thread;
          });

  private AbandonWatch() {}

  /** The cleanup action holds the call only, never {@code watched}, or it would never run. */
  public static void watch(Object watched, AiCall call) {
    CLEANER.register(watched, call::abandoned);
  }
}
