package io.aitap.smoke.replay;

import static io.aitap.smoke.replay.CallChecks.assertNone;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.clients.sdk.SdkOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;

/**
 * The application must not notice the agent, as an SDK shows it: the same results (text, usage,
 * finish reasons) or the same exception with the same status, and the same request bytes sent.
 */
final class SdkChecks {

  private SdkChecks() {}

  static List<DynamicTest> of(SmokeRun run) {
    return List.of(
        dynamicTest("without the agent, the SDK returns each success and throws for each error status",
            () -> baselineOutcomes(run)),
        dynamicTest("with the agent, the SDK hands the application the same results", () -> sameAsBaseline(run)),
        dynamicTest("the SDK sends the provider the same request bytes", () -> CallChecks.sameRequestBodies(run)));
  }

  private static void baselineOutcomes(SmokeRun run) {
    Map<String, String> outcomes = SdkOutcome.parseAll(run.baselineRun.stdout);
    List<String> wrong = new ArrayList<>();
    for (SmokePlan.AiCall ai : run.baselinePlan.aiCalls()) {
      String outcome = outcomes.get(ai.call.id());
      boolean expected = outcome != null && (ai.fixture.status() >= 400
          ? SdkOutcome.failedWith(outcome, ai.fixture.status())
          : SdkOutcome.succeeded(outcome));
      if (!expected) {
        wrong.add(ai.call + " answered by " + ai.fixture + " (status " + ai.fixture.status() + "): " + outcome);
      }
    }
    assertNone(wrong, "calls whose outcome without the agent does not follow the provider's answer\n"
        + run.baselineRun.output());
  }

  private static void sameAsBaseline(SmokeRun run) {
    Map<String, String> without = SdkOutcome.parseAll(run.baselineRun.stdout);
    Map<String, String> with = SdkOutcome.parseAll(run.agentRun.stdout);
    List<String> wrong = new ArrayList<>();
    for (PlannedCall call : run.plan.calls()) {
      if (with.get(call.id()) == null || !with.get(call.id()).equals(without.get(call.id()))) {
        wrong.add(call + "\n      without agent: " + without.get(call.id()) + "\n      with agent:    "
            + with.get(call.id()));
      }
    }
    assertNone(wrong, "calls the SDK reported differently with the agent\nagent stderr:\n" + run.agentStderrTail());
  }
}
