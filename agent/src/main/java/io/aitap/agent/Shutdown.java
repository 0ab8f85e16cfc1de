package io.aitap.agent;

import io.aitap.agent.call.CallFactory;
import io.aitap.agent.summary.TerminalSummary;
import io.aitap.agent.telemetry.TelemetryStarter;
import java.time.Duration;

/**
 * What the agent does as the JVM exits, in order: calls still open are ended with what was seen of
 * them, so that the summary and the last export both count them; then the summary is printed; then
 * telemetry is flushed, for no longer than {@code aitap.shutdown.timeout}: the application's exit
 * never waits longer on a collector that is down, black-holed or slow.
 */
final class Shutdown implements Runnable {

  private final CallFactory calls;
  private final TerminalSummary summary;
  private final TelemetryStarter telemetry;
  private final Duration bound;

  /**
   * @param summary null when the summary is off
   * @param bound {@code aitap.shutdown.timeout}, null when unset
   */
  Shutdown(CallFactory calls, TerminalSummary summary, TelemetryStarter telemetry, Duration bound) {
    this.calls = calls;
    this.summary = summary;
    this.telemetry = telemetry;
    this.bound = bound;
  }

  @Override
  public void run() {
    try {
      calls.abandonOpenCalls();
      if (summary != null) {
        summary.print(System.err);
      }
    } catch (RuntimeException e) {
      AgentLog.debug("ending open calls at shutdown failed", e);
    } finally {
      telemetry.shutdown(bound);
    }
  }
}
