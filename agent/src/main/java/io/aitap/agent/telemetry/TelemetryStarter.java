package io.aitap.agent.telemetry;

import io.aitap.agent.AgentLog;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Starts the SDK on a thread of its own, and at JVM shutdown flushes what is pending: even a JVM
 * that exits right after its only AI call reports it, and a JVM whose collector is down,
 * black-holed or slow still exits on time.
 */
public final class TelemetryStarter {

  /** The most the start, and then the exporters, are waited for, however well the collector answers. */
  private static final long START_WAIT_MILLIS = 10_000;
  private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final Duration DEFAULT_BOUND = Duration.ofSeconds(1);

  private final GenAiTelemetry telemetry;
  private final CollectorAnswers answers = new CollectorAnswers();
  private final Thread thread;
  private volatile OpenTelemetrySdk sdk;
  private volatile Duration startTook = Duration.ZERO;

  public TelemetryStarter(GenAiTelemetry telemetry) {
    this.telemetry = telemetry;
    this.thread = new Thread(this::run, "aitap-telemetry-start");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    long starting = System.nanoTime();
    try {
      OpenTelemetrySdk started = TelemetrySdk.start(answers);
      startTook = Duration.ofNanos(System.nanoTime() - starting);
      sdk = started;
      telemetry.start(started);
    } catch (Throwable t) {
      AgentLog.warn("aitap could not start OpenTelemetry, no AI telemetry will be exported", t);
    }
  }

  /**
   * Waits for the start to finish, then flushes and closes the SDK for as long as the collector
   * keeps answering, giving up once it has been silent for {@code configuredBound} or, when that is
   * null, for a second, or as long as the start took if longer (a JVM so short of CPU that aitap's
   * start took seconds also needs more than a second to export to a healthy collector). The SDK's
   * own shutdown waits up to the export timeout and retries, for each signal in turn, so it runs on
   * a daemon thread the JVM's exit does not wait for. The start is aitap's own work and never
   * waits on the collector, so it is not counted against the bound (only capped). When calls were
   * recorded and their telemetry was not delivered in time, says so in one line.
   */
  public void shutdown(Duration configuredBound) {
    try {
      thread.join(START_WAIT_MILLIS);
      OpenTelemetrySdk started = sdk;
      if (started == null) {
        if (thread.isAlive()) {
          notDelivered("OpenTelemetry had not started within " + START_WAIT_MILLIS + " ms");
        }
        return;
      }
      Duration bound = configuredBound != null ? configuredBound
          : startTook.compareTo(DEFAULT_BOUND) > 0 ? startTook : DEFAULT_BOUND;
      long closing = System.nanoTime();
      CompletableResultCode closed = closeInBackground(started);
      if (awaitWhileAnswering(closed, closing, bound.toNanos())) {
        AgentLog.debug("telemetry flushed in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing) + " ms");
      } else {
        notDelivered("the collector did not answer within " + bound.toMillis() + " ms (aitap.shutdown.timeout)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      AgentLog.debug("telemetry shutdown failed", e);
    }
  }

  /** Whether {@code closed} completed before the collector was silent for {@code silenceNanos}. */
  private boolean awaitWhileAnswering(CompletableResultCode closed, long closing, long silenceNanos) {
    long cap = closing + CLOSE_WAIT_NANOS;
    while (!closed.isDone()) {
      long deadline = answers.lastAnswerAfter(closing) + silenceNanos;
      if (deadline - cap > 0) {
        deadline = cap;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      closed.join(left, TimeUnit.NANOSECONDS);
    }
    return true;
  }

  private void notDelivered(String why) {
    if (telemetry.anyCallEnded()) {
      AgentLog.info("telemetry not delivered at exit: " + why
          + ", the spans and metrics of the last AI calls are lost (" + TelemetrySdk.describeExporters() + ")");
    }
  }

  private static CompletableResultCode closeInBackground(OpenTelemetrySdk sdk) {
    CompletableResultCode closed = new CompletableResultCode();
    Thread closing = new Thread(() -> {
      try {
        sdk.shutdown().whenComplete(closed::succeed);
      } catch (Throwable t) {
        AgentLog.debug("telemetry shutdown failed", t);
        closed.fail();
      }
    }, "aitap-telemetry-shutdown");
    closing.setDaemon(true);
    closing.start();
    return closed;
  }
}
