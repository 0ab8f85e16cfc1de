package io.aitap.smoke.replay;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.harness.FakeProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;

/** The application must not notice the agent: same statuses, same bytes both ways. */
public final class CallChecks {

  private CallChecks() {}

  public static List<DynamicTest> of(SmokeRun run) {
    return List.of(
        dynamicTest("without the agent, each call gets the status the provider recorded", () -> baselineStatuses(run)),
        dynamicTest("with the agent, each call ends as it does without it", () -> sameAsBaseline(run)),
        dynamicTest("the application receives exactly the bytes the provider sent", () -> responseBytes(run)),
        dynamicTest("the provider receives exactly the bytes the application sent", () -> requestBytes(run)),
        dynamicTest("the provider receives the credentials the application sent", () -> credentials(run)));
  }

  /**
   * For programs whose SDK writes the request itself (so the plan's body only describes it): the
   * same outcomes both ways, and the provider receives the same request body with the agent as
   * without it.
   */
  public static List<DynamicTest> ofSdk(SmokeRun run) {
    return List.of(
        dynamicTest("without the agent, each call gets the status the provider recorded", () -> baselineStatuses(run)),
        dynamicTest("with the agent, each call ends as it does without it", () -> sameAsBaseline(run)),
        dynamicTest("the provider receives the same request body as without the agent", () -> sameRequestBodies(run)));
  }

  static void sameRequestBodies(SmokeRun run) {
    List<String> wrong = new ArrayList<>();
    for (PlannedCall call : run.plan.calls()) {
      FakeProvider.Exchange with = run.exchanges.get(call.id());
      FakeProvider.Exchange without = run.baselineExchanges.get(call.id());
      String receivedWith = with == null ? "(never arrived)" : BodyDigest.of(with.requestBody);
      String receivedWithout = without == null ? "(never arrived)" : BodyDigest.of(without.requestBody);
      if (with == null || !receivedWith.equals(receivedWithout)) {
        wrong.add(call + ": received with agent " + receivedWith + ", without " + receivedWithout);
      }
    }
    assertNone(wrong, "the provider received other request bodies with the agent");
  }

  private static void baselineStatuses(SmokeRun run) {
    Map<String, Integer> expected = new HashMap<>();
    for (PlannedCall call : run.baselinePlan.calls()) {
      expected.put(call.id(), 200);
    }
    for (SmokePlan.AiCall ai : run.baselinePlan.aiCalls()) {
      expected.put(ai.call.id(), ai.fixture.status());
    }
    List<String> wrong = new ArrayList<>();
    for (PlannedCall call : run.baselinePlan.calls()) {
      CallReport report = run.baseline.get(call.id());
      if (report == null || report.status() != expected.get(call.id())) {
        wrong.add(call + ": expected status " + expected.get(call.id()) + ", got " + report);
      }
    }
    assertNone(wrong, "calls without the agent did not get the recorded answer");
  }

  private static void sameAsBaseline(SmokeRun run) {
    List<String> wrong = new ArrayList<>();
    for (PlannedCall call : run.plan.calls()) {
      CallReport with = run.withAgent.get(call.id());
      CallReport without = run.baseline.get(call.id());
      if (with == null || with.failure() != null || !with.equals(without)) {
        wrong.add(call + "\n      without agent: " + without + "\n      with agent:    " + with);
      }
    }
    assertNone(wrong, "calls ended differently with the agent");
  }

  private static void responseBytes(SmokeRun run) {
    List<String> wrong = new ArrayList<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      if (!ai.style.seesExactBytesOf(ai.fixture)) {
        continue;
      }
      FakeProvider.Exchange exchange = run.exchanges.get(ai.call.id());
      CallReport report = run.withAgent.get(ai.call.id());
      String sent = exchange == null ? "(never arrived)" : BodyDigest.of(exchange.responseBody);
      String received = report == null ? "(no report)" : report.responseSha256();
      if (!sent.equals(received)) {
        wrong.add(ai.call + " " + ai.fixture + " " + ai.transport + ": sent " + sent + ", received " + received);
      }
    }
    assertNone(wrong, "the application received other bytes than the provider sent");
  }

  private static void requestBytes(SmokeRun run) {
    List<String> wrong = new ArrayList<>();
    for (PlannedCall call : run.plan.calls()) {
      if (!call.hasBody()) {
        continue;
      }
      String written = BodyDigest.of(call.body());
      FakeProvider.Exchange with = run.exchanges.get(call.id());
      FakeProvider.Exchange without = run.baselineExchanges.get(call.id());
      String receivedWith = with == null ? "(never arrived)" : BodyDigest.of(with.requestBody);
      String receivedWithout = without == null ? "(never arrived)" : BodyDigest.of(without.requestBody);
      if (!written.equals(receivedWith) || !written.equals(receivedWithout)) {
        wrong.add(call + ": written " + written + ", received with agent " + receivedWith + ", without "
            + receivedWithout);
      }
    }
    assertNone(wrong, "the provider received other request bytes than the application wrote");
  }

  /** So that telemetry without keys means the agent left them out, not that the calls carried none. */
  private static void credentials(SmokeRun run) {
    List<String> wrong = new ArrayList<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      FakeProvider.Exchange exchange = run.exchanges.get(ai.call.id());
      if (exchange == null) {
        wrong.add(ai.call + ": never arrived");
        continue;
      }
      ApiKeys.headers(ai.fixture).forEach((name, value) -> {
        List<String> received = exchange.requestHeaders.entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase(name))
            .flatMap(header -> header.getValue().stream())
            .collect(Collectors.toList());
        if (!received.equals(List.of(value))) {
          wrong.add(ai.call + ": " + name + " expected '" + value + "', received " + received);
        }
      });
      if (!exchange.pathAndQuery.equals(ApiKeys.pathAndQuery(ai.fixture))) {
        wrong.add(ai.call + ": expected " + ApiKeys.pathAndQuery(ai.fixture) + ", received " + exchange.pathAndQuery);
      }
    }
    assertNone(wrong, "calls whose credentials did not reach the provider as sent");
  }

  public static void assertNone(List<String> problems, String what) {
    assertTrue(problems.isEmpty(), () -> what + " (" + problems.size() + "):\n  " + String.join("\n  ", problems));
  }
}
