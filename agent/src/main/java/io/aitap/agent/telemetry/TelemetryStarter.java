package io.aitap.agent.telemetry;

import io.aitap.agent.AgentLog;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.concurrent.TimeUnit;

/**
 * Starts the SDK on a thread of its own, and at JVM shutdown flushes what is pending: even a JVM
 * that exits right after its only AI call reports it.
 */
public final class TelemetryStarter {

  private static final long SHUTDOWN_WAIT_SECONDS = 10;

  private final GenAiTelemetry telemetry;
  private final Thread thread;
  private volatile OpenTelemetrySdk sdk;

  public TelemetryStarter(GenAiTelemetry telemetry) {
    this.telemetry = telemetry;
    this.thread = new Thread(this::run, "aitap-telemetry-start");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    try {
      OpenTelemetrySdk started = TelemetrySdk.start();
      sdk = started;
      telemetry.start(started);
    } catch (Throwable t) {
      AgentLog.warn("aitap could not start OpenTelemetry, no AI telemetry will be exported", t);
    }
  }

  /** Waits for the start to finish, then flushes and closes the SDK, all within a bounded time. */
  public void shutdown() {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(SHUTDOWN_WAIT_SECONDS));
      OpenTelemetrySdk started = sdk;
      if (started != null) {
        started.shutdown().join(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      AgentLog.debug("telemetry shutdown failed", e);
    }
  }
}
