package io.aitap.smoke.harness;

import java.util.concurrent.TimeUnit;

public final class Processes {

  private Processes() {}

  /** Asks a process to end (its shutdown hooks run), and ends it forcibly if it has not within 10 seconds. */
  public static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
