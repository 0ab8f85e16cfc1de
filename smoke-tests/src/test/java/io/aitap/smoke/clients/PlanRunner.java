package io.aitap.smoke.clients;

import java.nio.file.Paths;
import java.util.List;

/** The loop every client program shares: read the plan, make each call in order, print a report per call. */
public final class PlanRunner {

  /**
   * How long the program stays up after its last call ({@value} system property, milliseconds;
   * none by default): a tracer whose client spans end on an event loop after the application has
   * its answer (the OpenTelemetry Java agent with Reactor Netty) needs that moment to end them
   * before its exit flush.
   */
  public static final String LINGER_PROPERTY = "aitap.smoke.linger.ms";

  /** Makes one planned call the way its style says and reports what the application saw. */
  public interface Caller {
    CallReport call(PlannedCall call) throws Exception;
  }

  private PlanRunner() {}

  public static void run(String[] args, Caller caller) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: <program> <plan file>");
    }
    List<PlannedCall> plan = PlannedCall.readPlan(Paths.get(args[0]));
    for (PlannedCall call : plan) {
      CallReport report;
      try {
        report = caller.call(call);
      } catch (Exception e) {
        report = CallReport.failed(call.id(), e);
      }
      System.out.println(report.toLine());
    }
    System.out.flush();
    Thread.sleep(Long.getLong(LINGER_PROPERTY, 0));
  }

  public static String requestSha256(PlannedCall call) {
    return call.hasBody() ? BodyDigest.of(call.body()) : "-";
  }
}
