package io.aitap.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;

/**
 * The GenAI client metrics, series by series: each series' attributes are exactly the
 * low-cardinality set the conventions name (plus aitap's error category on failed calls), and its
 * count and sum are what the calls of the plan add up to.
 */
final class MetricChecks {

  static final String DURATION = "gen_ai.client.operation.duration";
  static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

  private MetricChecks() {}

  static List<DynamicTest> of(SmokeRun run) {
    return List.of(
        dynamicTest(DURATION + ": one recording per AI call", () -> duration(run)),
        dynamicTest(TOKEN_USAGE + ": normalised input and output tokens", () -> tokenUsage(run)),
        dynamicTest(TIME_TO_FIRST_CHUNK + ": one recording per stream", () -> timeToFirstChunk(run)));
  }

  private static void duration(SmokeRun run) {
    Map<Map<String, Object>, HistogramTotals.Total> expected = new HashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      expected.merge(series(ai), new HistogramTotals.Total(1, 0), MetricChecks::add);
    }
    compare(run, DURATION, "s", expected, total -> total.count);
  }

  private static void tokenUsage(SmokeRun run) {
    Map<Map<String, Object>, HistogramTotals.Total> expected = new HashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      NormalisedUsage usage = NormalisedUsage.of(ai.fixture);
      addTokens(expected, ai, "input", usage.inputTokens);
      addTokens(expected, ai, "output", usage.outputTokens);
    }
    compare(run, TOKEN_USAGE, "{token}", expected, total -> total);
  }

  private static void timeToFirstChunk(SmokeRun run) {
    Map<Map<String, Object>, HistogramTotals.Total> expected = new HashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      if (ai.fixture.stream()) {
        expected.merge(series(ai), new HistogramTotals.Total(1, 0), MetricChecks::add);
      }
    }
    compare(run, TIME_TO_FIRST_CHUNK, "s", expected, total -> total.count);
  }

  private static void addTokens(Map<Map<String, Object>, HistogramTotals.Total> expected, SmokePlan.AiCall ai,
      String type, Long tokens) {
    if (tokens != null) {
      Map<String, Object> series = series(ai);
      series.put("gen_ai.token.type", type);
      expected.merge(series, new HistogramTotals.Total(1, tokens), MetricChecks::add);
    }
  }

  /** The attributes every GenAI client metric of this call carries. */
  private static Map<String, Object> series(SmokePlan.AiCall ai) {
    Map<String, Object> attributes = new TreeMap<>();
    attributes.put("gen_ai.operation.name", GenAiNames.operationName(ai.fixture));
    attributes.put("gen_ai.provider.name", ai.providerName());
    attributes.put("gen_ai.request.model", ai.fixture.requestModel());
    attributes.put("server.address", ai.host());
    attributes.put("server.port", (long) ai.port());
    if (ai.fixture.responseModel() != null) {
      attributes.put("gen_ai.response.model", ai.fixture.responseModel());
    }
    if (ai.fixture.isError()) {
      attributes.put("error.type", ExpectedErrorType.of(ai.fixture));
      attributes.put("aitap.error.category", ExpectedErrorType.category(ai.fixture));
    }
    return attributes;
  }

  private static HistogramTotals.Total add(HistogramTotals.Total a, HistogramTotals.Total b) {
    return new HistogramTotals.Total(a.count + b.count, a.sum + b.sum);
  }

  /**
   * Compares series by series what {@code measure} picks of each total (the count alone for time
   * histograms, whose sums are timings; count and sum for tokens).
   */
  private static void compare(SmokeRun run, String name, String unit,
      Map<Map<String, Object>, HistogramTotals.Total> expected, Function<HistogramTotals.Total, Object> measure) {
    HistogramTotals actual = HistogramTotals.of(name, run.metrics);
    List<String> wrong = new ArrayList<>();
    Set<Map<String, Object>> allSeries = new HashSet<>(expected.keySet());
    allSeries.addAll(actual.bySeries().keySet());
    for (Map<String, Object> series : allSeries) {
      HistogramTotals.Total want = expected.get(series);
      HistogramTotals.Total got = actual.bySeries().get(series);
      Object wantMeasure = want == null ? null : measure.apply(want);
      Object gotMeasure = got == null ? null : measure.apply(got);
      if (!Objects.equals(wantMeasure, gotMeasure)) {
        wrong.add(series + ": expected " + (want == null ? "no series" : wantMeasure)
            + ", got " + (got == null ? "no series" : gotMeasure));
      }
    }
    wrong.sort(null);
    assertTrue(wrong.isEmpty(), () -> name + " series differ (" + wrong.size() + "):\n  " + String.join("\n  ", wrong)
        + "\nreceived:" + actual + "\nagent stderr:\n" + run.agentStderrTail());
    if (!expected.isEmpty()) {
      assertEquals(Set.of(unit), actual.units(), name + " unit");
    }
  }
}
