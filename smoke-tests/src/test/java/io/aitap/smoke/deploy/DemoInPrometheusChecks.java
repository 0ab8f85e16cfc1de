package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitap.demo.DemoProvider;
import io.aitap.demo.DemoService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo service, run with the real agent, seen through a real Prometheus that evaluates the
 * deployed rule files ({@code for:} at 0s, every group each second): every dashboard query and
 * every recording rule returns data, the token and cost sums are what the demo's script and the
 * price list make of it, and the alerts the script provokes go firing. Subclasses
 * bring Prometheus up in one way of deploying it, then the demo with {@link #startDemo}, in a
 * {@code @BeforeAll}, and tear Prometheus down in an {@code @AfterAll}.
 *
 * <p>Prometheus gets its data only as it scrapes and evaluates, so every check polls until it
 * holds, within one deadline for the whole class; a check that still fails then fails with what
 * Prometheus answered last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoInPrometheusChecks {

  /**
   * Rounds of calls: each round takes over a second (its streams are paced), so the rounds span
   * several one-second scrapes and every counter is seen rising, which rate() and increase() need.
   */
  private static final int ROUNDS = 10;
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final String JOB = "{job=\"" + DemoJvm.SERVICE + "\"}";

  /**
   * Every alert the demo's script provokes with the deployed rules, with the label and value that
   * names its cause: one model always rate-limited, one model without a price, and so a fifth of
   * all calls failing, which burns the 99% availability objective's budget fast and slowly.
   */
  static final Map<String, Map.Entry<String, String>> PROVOKED_ALERTS = new LinkedHashMap<>();

  static {
    Map.Entry<String, String> rateLimitedModel = Map.entry("gen_ai_request_model", DemoProvider.RATE_LIMITED_MODEL);
    PROVOKED_ALERTS.put("AitapAIEndpointFailing", rateLimitedModel);
    PROVOKED_ALERTS.put("AitapAIErrorRateHigh", rateLimitedModel);
    PROVOKED_ALERTS.put("AitapAIRateLimited", rateLimitedModel);
    PROVOKED_ALERTS.put("AitapUnpricedModel", Map.entry("gen_ai_response_model", DemoService.UNPRICED_MODEL));
    PROVOKED_ALERTS.put("AitapSLOErrorBudgetBurnFast", Map.entry("objective", "99"));
    PROVOKED_ALERTS.put("AitapSLOErrorBudgetBurnSlow", Map.entry("objective", "99"));
  }

  private final DemoTotals totals = new DemoTotals(ROUNDS);
  private DemoJvm demo;
  private long deadline;
  private String unavailable;

  /** The Prometheus the subclass started, scraping the demo's telemetry under the job {@link DemoJvm#SERVICE}. */
  abstract PrometheusApi prometheus();

  /** What Prometheus (and whatever stands between it and the demo) printed so far, for a failure message. */
  abstract String prometheusLogs();

  /** What the demo's calls add up to. */
  final DemoTotals totals() {
    return totals;
  }

  /**
   * The alerts the rules the subclass loaded make of the demo's calls, each with the label and
   * value that names its cause: {@link #PROVOKED_ALERTS} unless the subclass provokes more.
   */
  Map<String, Map.Entry<String, String>> provokedAlerts() {
    return PROVOKED_ALERTS;
  }

  /** How long after the demo's start every check may take: {@link #PATIENCE} unless the subclass waits for more. */
  Duration patience() {
    return PATIENCE;
  }

  /**
   * Starts the demo with the given OpenTelemetry settings, once Prometheus is ready; every check
   * has from then until {@link #patience()} later.
   */
  final void startDemo(Path work, Map<String, String> otel) throws IOException {
    startDemo(work, DemoJvm.RUNNING_JAVA, otel);
  }

  /** The same on the JDK whose {@code bin/java} is {@code java}. */
  final void startDemo(Path work, Path java, Map<String, String> otel) throws IOException {
    demo = DemoJvm.start(work, java, ROUNDS, otel);
    deadline = System.nanoTime() + patience().toNanos();
  }

  @AfterAll
  final void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  /**
   * Subclasses call it instead of starting anything where their way of deploying cannot run: each
   * check is then reported as skipped, with the reason (an assumption in {@code @BeforeAll} would
   * skip the class without a word in the reports).
   */
  final void unavailable(String reason) {
    unavailable = reason;
  }

  @BeforeEach
  final void skipWhereUnavailable() {
    assumeTrue(unavailable == null, unavailable);
  }

  @Test
  void everyCallOfTheDemoIsCounted() {
    assertValue("sum(gen_ai_client_operation_duration_seconds_count" + JOB + ")", totals.calls());
    assertValue("sum(gen_ai_client_operation_duration_seconds_count{job=\"" + DemoJvm.SERVICE + "\",aitap_error_category=\"rate_limited\"})",
        totals.rateLimitedCalls());
  }

  @Test
  void tokenSumsAreWhatTheProviderReported() {
    assertValuesByLabel("sum by (gen_ai_token_type) (gen_ai_client_token_usage_sum" + JOB + ")", "gen_ai_token_type",
        Map.of("input", (double) totals.inputTokens(), "output", (double) totals.outputTokens()));
  }

  @Test
  void tokenDetailsAreWhatTheProviderReported() {
    assertValuesByLabel("sum by (aitap_token_kind) (aitap_client_token_details_total" + JOB + ")", "aitap_token_kind",
        Map.of("cache_read", (double) totals.cacheReadTokens(), "reasoning", (double) totals.reasoningTokens()));
  }

  /** Summed as floating point by the SDK and by Prometheus, in another order than here: equal but for the last bits. */
  @Test
  void costSumIsWhatThePriceListMakesOfTheUsage() {
    double expected = totals.costUsd();
    eventually("sum(gen_ai_usage_cost_USD_sum" + JOB + ") = " + expected, () -> prometheus().query("sum(gen_ai_usage_cost_USD_sum" + JOB + ")"),
        samples -> samples.size() == 1 && Math.abs(samples.get(0).value - expected) <= expected * 1e-9);
    assertValue("sum(aitap_cost_unpriced_calls_total" + JOB + ")", totals.unpricedCalls());
  }

  /** The probe row's queries read the blackbox exporter's series, which EndpointProbesTest checks. */
  @TestFactory
  Stream<DynamicTest> everyDashboardQueryReturnsData() {
    List<Named<String>> queries = DashboardQueries.ofAgentMetrics();
    assertTrue(!queries.isEmpty(), "no dashboard queries in " + DashboardQueries.DASHBOARDS);
    return DynamicTest.stream(queries.stream(), this::assertReturnsData);
  }

  @TestFactory
  Stream<DynamicTest> everyRecordingRuleReturnsData() {
    List<String> series = RuleFiles.recordedSeries();
    assertTrue(!series.isEmpty(), "no recording rules in " + RuleFiles.RULES);
    return series.stream().map(name -> DynamicTest.dynamicTest(name, () -> assertReturnsData(name)));
  }

  @Test
  void everyRuleEvaluatesWithoutError() {
    int expected = RuleFiles.recordingRules() + RuleFiles.alertNames().size();
    eventually("all " + expected + " rules loaded and evaluated healthy", this::loadedRules,
        loaded -> loaded.size() == expected && loaded.stream().allMatch(rule -> rule.path("health").asText().equals("ok")));
  }

  @TestFactory
  Stream<DynamicTest> theAlertsTheDemoProvokesGoFiring() {
    assertTrue(RuleFiles.alertNames().containsAll(provokedAlerts().keySet()), "alerts in " + RuleFiles.RULES + ": " + RuleFiles.alertNames());
    return provokedAlerts().keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Map.Entry<String, String> cause = provokedAlerts().get(name);
      List<JsonNode> raised = firingAlerts(name);
      // the demo's other calls succeed and are priced: nothing else raises this alert
      for (JsonNode a : raised) {
        assertEquals(cause.getValue(), a.path("labels").path(cause.getKey()).asText(), a.toString());
      }
    }));
  }

  /**
   * The alerts named {@code name} in Prometheus' alert list once one of them, for the cause
   * {@link #provokedAlerts()} names, is firing.
   */
  final List<JsonNode> firingAlerts(String name) {
    Map.Entry<String, String> cause = provokedAlerts().get(name);
    return eventually(name + " firing for " + cause, () -> alerts(name),
        alerts -> alerts.stream().anyMatch(a -> a.path("labels").path(cause.getKey()).asText().equals(cause.getValue())
            && a.path("state").asText().equals("firing")));
  }

  private void assertReturnsData(String promql) {
    eventually(promql, () -> prometheus().query(promql),
        samples -> samples.stream().anyMatch(sample -> !Double.isNaN(sample.value)));
  }

  private void assertValue(String promql, long expected) {
    eventually(promql + " = " + expected, () -> prometheus().query(promql),
        samples -> samples.size() == 1 && samples.get(0).value == expected);
  }

  private void assertValuesByLabel(String promql, String label, Map<String, Double> expected) {
    eventually(promql + " = " + expected,
        () -> prometheus().query(promql).stream().collect(Collectors.toMap(sample -> sample.labels.get(label), sample -> sample.value)),
        expected::equals);
  }

  private List<JsonNode> loadedRules() {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : prometheus().ruleGroups()) {
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }

  private List<JsonNode> alerts(String name) {
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode alert : prometheus().alerts()) {
      if (alert.path("labels").path("alertname").asText().equals(name)) {
        alerts.add(alert);
      }
    }
    return alerts;
  }

  /** Polls {@code probe} until {@code done} accepts its answer; after the class's deadline, once more. */
  final <T> T eventually(String what, Supplier<T> probe, Predicate<T> done) {
    T last;
    while (true) {
      boolean lastTry = System.nanoTime() > deadline;
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      if (lastTry) {
        throw new AssertionError(what + " did not hold within " + patience() + "; the last answer was: " + last + "\n"
            + demo.output() + prometheusLogs());
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
