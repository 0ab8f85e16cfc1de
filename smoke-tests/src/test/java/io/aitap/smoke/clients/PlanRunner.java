package io.aitap.smoke.clients;

import java.nio.file.Paths;
import java.util.List;

/** The loop every client program shares: read the plan, make each call in order, print a report per call. */
public final class PlanRunner {

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
  }

  public static String requestSha256(PlannedCall call) {
    return call.hasBody() ? BodyDigest.of(call.body()) : "-";
  }
}
