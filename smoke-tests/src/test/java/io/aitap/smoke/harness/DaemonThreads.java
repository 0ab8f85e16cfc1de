package io.aitap.smoke.harness;

import java.util.concurrent.ThreadFactory;

/** Threads of the test's own servers and runs, which must never keep the test JVM from exiting. */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
