package io.aitap.smoke;

import java.util.concurrent.ThreadFactory;

/** Threads of the test's own servers and runs, which must never keep the test JVM from exiting. */
final class DaemonThreads {

  private DaemonThreads() {}

  static ThreadFactory named(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
