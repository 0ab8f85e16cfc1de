package io.aitap.smoke.replay;

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
 * The GenAI client metrics and aitap's token and usage counters, series by series: each series'
 * attributes are exactly the low-cardinality set the conventions name (plus aitap's error category
 * on failed calls), and its count and sum are what the calls of the plan add up to.
 */
public final class MetricChecks {

  public static final String DURATION = "gen_ai.client.operation.duration";
  static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
  static final String TOKEN_DETAILS = "aitap.client.token.details";
  static final String MISSING_USAGE = "aitap.usage.missing_calls";

  private MetricChecks() {}

  public static List<DynamicTest> of(SmokeRun run) {
    return List.of(
        dynamicTest(DURATION + ": one recording per AI call", () -> duration(run)),
        dynamicTest(TOKEN_USAGE + ": normalised input and output tokens", () -> tokenUsage(run)),
        dynamicTest(TIME_TO_FIRST_CHUNK + ": one recording per stream with output", () -> timeToFirstChunk(run)),
        dynamicTest(TOKEN_DETAILS + ": cache reads, cache writes and reasoning", () -> tokenDetails(run)),
        dynamicTest(MISSING_USAGE + ": successful calls that reported no usage", () -> missingUsage(run)));
  }

  private static void duration(SmokeRun run) {
    Map<Map<String, Object>, MetricTotals.Total> expected = new HashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      expected.merge(series(ai), new MetricTotals.Total(1, 0), MetricChecks::add);
    }
    compare(run, DURATION, "s", expected, total -> total.count);
  }

  private static void tokenUsage(SmokeRun run) {
    Map<Map<String, Object>, MetricTotals.Total> expected = new HashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      NormalisedUsage usage = NormalisedUsage.of(ai.fixture);
      addTokens(expected, ai, "input", usage.inputTokens);
      addTokens(expected, ai, "output", usage.outputTokens);
    }
    compare(run, TOKEN_USAGE, "{token}", expected, total -> total);
  }

  /** The parts of input and output each call reported, counted where there are any. */
  private static void tokenDetails(SmokeRun run) {
    Map<Map<String, Object>, MetricTotals.Total> expected = new HashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      NormalisedUsage usage = NormalisedUsage.of(ai.fixture);
      if (usage.isKnown()) {
        addDetail(expected, ai, "cache_read", usage.cacheReadInputTokens);
        addDetail(expected, ai, "cache_creation", usage.cacheCreationInputTokens);
        addDetail(expected, ai, "reasoning", usage.reasoningOutputTokens);
      }
    }
    compare(run, TOKEN_DETAILS, "{token}", expected, total -> total.sum);
  }

  private static void missingUsage(SmokeRun run) {
    Map<Map<String, Object>, MetricTotals.Total> expected = new HashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      if (!ai.fixture.failed() && !NormalisedUsage.of(ai.fixture).isKnown()) {
        expected.merge(series(ai), new MetricTotals.Total(1, 1), MetricChecks::add);
      }
    }
    compare(run, MISSING_USAGE, "{call}", expected, total -> total.sum);
  }

  private static void timeToFirstChunk(SmokeRun run) {
    Map<Map<String, Object>, MetricTotals.Total> expected = new HashMap<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      if (ai.fixture.streamsOutput()) {
        expected.merge(series(ai), new MetricTotals.Total(1, 0), MetricChecks::add);
      }
    }
    compare(run, TIME_TO_FIRST_CHUNK, "s", expected, total -> total.count);
  }

  private static void addTokens(Map<Map<String, Object>, MetricTotals.Total> expected, SmokePlan.AiCall ai,
      String type, Long tokens) {
    if (tokens != null) {
      addToSeries(expected, ai, "gen_ai.token.type", type, tokens);
    }
  }

  private static void addDetail(Map<Map<String, Object>, MetricTotals.Total> expected, SmokePlan.AiCall ai,
      String kind, Long tokens) {
    if (tokens != null && tokens > 0) {
      addToSeries(expected, ai, "aitap.token.kind", kind, tokens);
    }
  }

  /** One recording of {@code tokens} in the call's series with one more attribute. */
  private static void addToSeries(Map<Map<String, Object>, MetricTotals.Total> expected, SmokePlan.AiCall ai,
      String key, String value, long tokens) {
    Map<String, Object> series = series(ai);
    series.put(key, value);
    expected.merge(series, new MetricTotals.Total(1, tokens), MetricChecks::add);
  }

  /** The attributes every GenAI client metric of this call carries. */
  private static Map<String, Object> series(SmokePlan.AiCall ai) {
    Map<String, Object> attributes = new TreeMap<>();
    attributes.put("gen_ai.operation.name", ai.fixture.api().operationName);
    attributes.put("gen_ai.provider.name", ai.providerName);
    attributes.put("gen_ai.request.model", ai.fixture.requestModel());
    attributes.put("server.address", ai.host());
    attributes.put("server.port", (long) ai.port());
    if (ai.fixture.responseModel() != null) {
      attributes.put("gen_ai.response.model", ai.fixture.responseModel());
    }
    if (ai.fixture.failed()) {
      attributes.put("error.type", ExpectedErrorType.of(ai.fixture));
      attributes.put("aitap.error.category", ExpectedErrorType.category(ai.fixture));
    }
    return attributes;
  }

  private static MetricTotals.Total add(MetricTotals.Total a, MetricTotals.Total b) {
    return new MetricTotals.Total(a.count + b.count, a.sum + b.sum);
  }

  /**
   * Compares series by series what {@code measure} picks of each total (the count alone for time
   * histograms, whose sums are timings; count and sum for tokens).
   */
  private static void compare(SmokeRun run, String name, String unit,
      Map<Map<String, Object>, MetricTotals.Total> expected, Function<MetricTotals.Total, Object> measure) {
    MetricTotals actual = MetricTotals.of(name, run.metrics);
    List<String> wrong = new ArrayList<>();
    Set<Map<String, Object>> allSeries = new HashSet<>(expected.keySet());
    allSeries.addAll(actual.bySeries().keySet());
    for (Map<String, Object> series : allSeries) {
      MetricTotals.Total want = expected.get(series);
      MetricTotals.Total got = actual.bySeries().get(series);
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
