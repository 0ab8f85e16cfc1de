package io.aitap.smoke.replay;

import static io.aitap.smoke.replay.CallChecks.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.harness.ReceivedSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;

/** One CLIENT span per AI call, with exactly the attributes its fixture implies. */
public final class SpanChecks {

  private SpanChecks() {}

  public static List<DynamicTest> of(SmokeRun run) {
    List<DynamicTest> checks = new ArrayList<>();
    Set<SpanShape> allExpected = new HashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      allExpected.add(ai.expectedSpan());
      groups.add(ai.group());
    }
    for (String group : groups) {
      checks.add(dynamicTest("spans of " + group, () -> spansOf(run, group, allExpected)));
    }
    checks.add(dynamicTest("one span per AI call, none for other traffic", () -> onlyAiSpans(run)));
    if (run.plan.traceparent() != null) {
      checks.add(dynamicTest("a request carrying traceparent gets a child span", () -> traceparentChild(run)));
    }
    checks.add(dynamicTest("telemetry carries no API key", () -> noSecrets(run)));
    checks.add(dynamicTest("spans name the service", () -> serviceName(run)));
    checks.add(dynamicTest("the receiver could decode every export", () -> assertNone(run.rejectedExports,
        "exports the OTLP receiver rejected")));
    return checks;
  }

  /**
   * Each expected shape of the group (one per port) must be there once per call. On
   * failure, names the calls whose spans differ and how, when spans can be paired with calls.
   */
  private static void spansOf(SmokeRun run, String group, Set<SpanShape> allExpected) {
    Map<SpanShape, Integer> expected = new LinkedHashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      if (ai.group().equals(group)) {
        expected.merge(ai.expectedSpan(), 1, Integer::sum);
      }
    }
    SmokeShapes received = new SmokeShapes(run.spans);
    Map<SmokePlan.AiCall, ReceivedSpan> pairs = SpanPairing.inCallOrder(run.plan.aiCalls(), run.spans);
    StringBuilder message = new StringBuilder();
    expected.forEach((shape, calls) -> {
      int matching = received.count(shape);
      if (matching == calls) {
        return;
      }
      message.append("expected ").append(calls).append(" spans\n  ").append(shape)
          .append("\nbut ").append(matching).append(" match.");
      if (pairs.isEmpty()) {
        received.closestUnexpected(shape, allExpected).forEach((lookalike, count) -> message.append("\n  ")
            .append(count).append(" unexpected span(s) differ:").append(lookalike.differencesFrom(shape)));
      } else {
        for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
          SpanShape actual = SpanShape.of(pairs.get(ai));
          if (ai.group().equals(group) && ai.expectedSpan().equals(shape) && !actual.equals(shape)) {
            message.append("\n  ").append(ai.call.id()).append(' ').append(ai.style).append(" over ")
                .append(ai.transport).append(':').append(actual.differencesFrom(shape));
          }
        }
      }
      message.append("\n");
    });
    if (message.length() > 0) {
      throw new AssertionError(message.append("agent stderr:\n").append(run.agentStderrTail()).toString());
    }
  }

  private static void onlyAiSpans(SmokeRun run) {
    List<String> strays = new ArrayList<>();
    for (ReceivedSpan span : run.spans) {
      if (span.attribute("gen_ai.operation.name") == null
          || SmokePlan.NOT_AN_AI_MODEL.equals(span.attribute("gen_ai.request.model"))
          || SmokePlan.ORDINARY_HOST.equals(span.attribute("server.address"))) {
        strays.add(span.toString());
      }
    }
    assertNone(strays, "spans that are not of an AI call");
    assertEquals(run.plan.aiCalls().size(), run.spans.size(),
        () -> "spans for " + run.plan.aiCalls().size() + " AI calls\nagent stderr:\n" + run.agentStderrTail());
  }

  private static void traceparentChild(SmokeRun run) {
    String[] context = run.plan.traceparent().split("-");
    String traceId = context[1];
    String parentSpanId = context[2];
    List<String> wrong = new ArrayList<>();
    int children = 0;
    for (ReceivedSpan span : run.spans) {
      boolean inTrace = span.traceId().equals(traceId);
      if (inTrace && span.parentSpanId().equals(parentSpanId)) {
        children++;
      } else if (inTrace || !span.parentSpanId().isEmpty()) {
        wrong.add(span.name() + " trace " + span.traceId() + " parent '" + span.parentSpanId() + "'");
      }
    }
    assertNone(wrong, "spans with a parent other than the traceparent call's ("
        + "only that call carried one; every other span must be a root)");
    assertEquals(1, children, "spans that are children of " + run.plan.traceparent());
  }

  /** Searches every string of every export (spans, resources, metric points, log records) for any key. */
  private static void noSecrets(SmokeRun run) {
    List<String> leaks = new ArrayList<>();
    for (String export : run.exports) {
      for (int at = export.indexOf(ApiKeys.MARKER); at >= 0; at = export.indexOf(ApiKeys.MARKER, at + 1)) {
        int lineStart = export.lastIndexOf('\n', at) + 1;
        int lineEnd = export.indexOf('\n', at);
        leaks.add(export.substring(lineStart, lineEnd < 0 ? export.length() : lineEnd).trim());
      }
    }
    assertNone(leaks, "exported strings that contain an API key");
    assertFalse(run.exports.isEmpty(), "the receiver got exports to search");
  }

  private static void serviceName(SmokeRun run) {
    List<String> wrong = new ArrayList<>();
    for (ReceivedSpan span : run.spans) {
      if (!Objects.equals(run.serviceName, span.resource().get("service.name"))) {
        wrong.add(span.name() + " from service " + span.resource().get("service.name"));
      }
    }
    assertNone(wrong, "spans not from service " + run.serviceName);
  }
}
