package io.aitap.agent.telemetry;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallOutcome;
import io.aitap.agent.call.CallSink;
import io.aitap.agent.cost.CallCost;
import io.aitap.agent.cost.CostCalculator;
import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Emits each finished call as a span and metrics. The OpenTelemetry SDK and the prices are made
 * ready in the background so that the application never waits for them; calls that end before
 * they are ready wait in a small bounded queue and are emitted as soon as they are.
 */
public final class GenAiTelemetry implements CallSink {

  private static final int PENDING_LIMIT = 1024;

  private final String instrumentationVersion;
  private final CostCalculator costs;
  private final BlockingQueue<AiCall> pending = new ArrayBlockingQueue<>(PENDING_LIMIT);
  private volatile Emitters emitters;
  private volatile boolean anyCallEnded;
  /** Calls that ended while the queue was full, before the SDK had started: said once it has. */
  private int dropped;

  public GenAiTelemetry(String instrumentationVersion, CostCalculator costs) {
    this.instrumentationVersion = instrumentationVersion;
    this.costs = costs;
  }

  /**
   * Starts emitting through {@code openTelemetry}, first the calls that waited for it. Runs on
   * aitap's start thread, which also waits here for the prices: calls that end meanwhile wait in
   * the queue, so no application thread ever waits for them.
   */
  public void start(OpenTelemetry openTelemetry) {
    costs.awaitPrices();
    Emitters started = new Emitters(openTelemetry, instrumentationVersion, costs);
    synchronized (pending) {
      List<AiCall> waiting = new ArrayList<>();
      pending.drainTo(waiting);
      for (AiCall call : waiting) {
        started.emit(call);
      }
      emitters = started;
    }
    if (dropped > 0) {
      AgentLog.info(dropped + " AI calls ended before OpenTelemetry had started, beyond the " + PENDING_LIMIT
          + " that wait for it: their spans and metrics are lost");
    }
  }

  /** Whether any call has ended, so that there is telemetry to deliver. */
  boolean anyCallEnded() {
    return anyCallEnded;
  }

  @Override
  public void ended(AiCall call) {
    anyCallEnded = true;
    Emitters current = emitters;
    if (current == null) {
      synchronized (pending) {
        current = emitters;
        if (current == null) {
          if (!pending.offer(call)) {
            dropped++;
          }
          return;
        }
      }
    }
    current.emit(call);
  }

  @Override
  public void chunkGap(AiCall call, long gapNanos) {
    Emitters current = emitters;
    if (current != null) {
      current.metrics.recordChunkGap(call, gapNanos);
    }
  }

  private static final class Emitters {
    final CallSpans spans;
    final CallMetrics metrics;
    final CostCalculator costs;

    Emitters(OpenTelemetry openTelemetry, String version, CostCalculator costs) {
      this.costs = costs;
      spans = new CallSpans(openTelemetry.getTracer("io.aitap", version));
      metrics = new CallMetrics(openTelemetry.getMeterProvider().meterBuilder("io.aitap").setInstrumentationVersion(version).build(), costs);
    }

    void emit(AiCall call) {
      try {
        CallOutcome outcome = call.outcome();
        CallCost cost = outcome.cost(costs);
        spans.record(call, outcome, cost);
        metrics.record(call, outcome, cost);
      } catch (RuntimeException e) {
        AgentLog.debug("could not emit telemetry for a call", e);
      }
    }
  }
}
