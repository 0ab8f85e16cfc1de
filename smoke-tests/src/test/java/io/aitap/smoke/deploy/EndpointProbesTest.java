package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitap.smoke.harness.RunningProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint probe pack run for real: Debian's blackbox exporter with
 * {@code deploy/blackbox/blackbox.yml} probes stand-ins on 127.0.0.1 for three providers' API
 * hosts (one refuses the anonymous probe with 401, one answers 503, one never answers), and
 * Debian's Prometheus scrapes it with the job {@code ai-endpoint-probes} of
 * {@code deploy/prometheus/prometheus.yml} (its targets pointed at the stand-ins) and evaluates
 * {@code deploy/prometheus/rules} ({@code for:} at 0s, every second). Both programs must be
 * installed: {@code .ci/run} installs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointProbesTest {

  private static final String UNREACHABLE = "AitapAIProviderUnreachable";
  private static final String UP_PROVIDER = "openai";
  private static final Set<String> DOWN_PROVIDERS = Set.of("anthropic", "gcp.gemini");
  private static final String SCRAPE_INTERVAL = "5s";
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private ApiStandIns standIns;
  private BlackboxExporter exporter;
  private RunningProcess prometheus;
  private PrometheusApi api;
  private String module;
  private long deadline;

  @BeforeAll
  void start(@TempDir Path work) throws Exception {
    assertTrue(Files.isExecutable(BlackboxExporter.BINARY), "no blackbox exporter at " + BlackboxExporter.BINARY
        + ": apt-get install prometheus-blackbox-exporter (.ci/run installs it)");
    assertTrue(Files.isExecutable(LocalPrometheus.DEBIAN), "no Prometheus at " + LocalPrometheus.DEBIAN
        + ": apt-get install prometheus (.ci/run installs it)");
    module = ProbeScrapeJob.module();
    standIns = ApiStandIns.start();
    exporter = BlackboxExporter.start(work);

    Map<String, String> targets = new LinkedHashMap<>();
    targets.put(standIns.refusingUrl(), UP_PROVIDER);
    targets.put(standIns.unavailableUrl(), "anthropic");
    targets.put(standIns.silentUrl(), "gcp.gemini");
    Path rules = Files.createDirectories(work.resolve("rules"));
    RuleFiles.copyEvaluatedEverySecond(rules);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("global", Map.of("scrape_interval", "1s", "evaluation_interval", "1s"));
    config.put("rule_files", List.of(rules.resolve("*" + RuleFiles.GLOB_SUFFIX).toString()));
    config.put("scrape_configs", List.of(ProbeScrapeJob.pointedAt(targets, exporter.address(), SCRAPE_INTERVAL)));
    Path configFile = work.resolve("prometheus.yml");
    // JSON is YAML: Prometheus reads it as written
    Files.writeString(configFile, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(config), StandardCharsets.UTF_8);
    String address = "127.0.0.1:" + LocalPrometheus.freeLoopbackPort();
    api = new PrometheusApi("http://" + address);
    prometheus = RunningProcess.start("Prometheus", List.of(LocalPrometheus.DEBIAN.toString(),
        "--config.file=" + configFile,
        "--storage.tsdb.path=" + Files.createDirectories(work.resolve("data")),
        "--web.listen-address=" + address), Map.of(), work.resolve("prometheus.log"), api::ready);
    deadline = System.nanoTime() + PATIENCE.toNanos();
  }

  @AfterAll
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (exporter != null) {
      exporter.close();
    }
    if (standIns != null) {
      standIns.close();
    }
  }

  @Test
  void everyShippedTargetNamesItsProvider() {
    List<Map<String, Object>> groups = ProbeScrapeJob.shippedTargetGroups();
    assertFalse(groups.isEmpty(), "no targets in " + ProbeScrapeJob.NAME);
    for (Map<String, Object> group : groups) {
      Object labels = group.get("labels");
      assertTrue(labels instanceof Map && ((Map<?, ?>) labels).get(ProbeScrapeJob.PROVIDER_LABEL) != null,
          group + " has no " + ProbeScrapeJob.PROVIDER_LABEL + ": its alerts could not be told apart from the services' own calls");
    }
  }

  @Test
  void aRefusalIsUpAndA503OrSilenceIsDown() throws Exception {
    Map<String, Double> refused = exporter.probe(module, standIns.refusingUrl());
    Map<String, Double> unavailable = exporter.probe(module, standIns.unavailableUrl());
    Map<String, Double> silent = exporter.probe(module, standIns.silentUrl());
    String log = "\n" + exporter.log();
    assertEquals(1.0, refused.get("probe_success"), "401: " + refused + log);
    assertEquals(401.0, refused.get("probe_http_status_code"), "401: " + refused + log);
    assertEquals(0.0, unavailable.get("probe_success"), "503: " + unavailable + log);
    assertEquals(503.0, unavailable.get("probe_http_status_code"), "503: " + unavailable + log);
    assertEquals(0.0, silent.get("probe_success"), "no answer: " + silent + log);
    assertEquals(0.0, silent.get("probe_http_status_code"), "no answer: " + silent + log);
  }

  @Test
  void prometheusKeepsEveryProbeWithItsProviderAndHost() {
    String query = "probe_success{job=\"" + ProbeScrapeJob.NAME + "\"}";
    Map<String, Double> expected = Map.of(UP_PROVIDER, 1.0, "anthropic", 0.0, "gcp.gemini", 0.0);
    List<PrometheusApi.Sample> samples = eventually(query + " by provider = " + expected, () -> api.query(query),
        found -> expected.equals(found.stream().collect(Collectors.toMap(
            sample -> sample.labels.get(ProbeScrapeJob.PROVIDER_LABEL), sample -> sample.value, (a, b) -> Double.NaN))));
    for (PrometheusApi.Sample sample : samples) {
      assertEquals("127.0.0.1", sample.labels.get("server_address"), sample.toString());
      assertTrue(sample.labels.get("instance").startsWith("http://127.0.0.1:"), sample.toString());
    }
  }

  @Test
  void theUnreachableAlertRisesForTheApisThatDoNotAnswerOnly() {
    eventually(UNREACHABLE + " for " + DOWN_PROVIDERS, () -> alertingProviders(UNREACHABLE), DOWN_PROVIDERS::equals);
    // the API that refused the probe was scraped as up all along and raised nothing
    assertEquals(List.of(1.0), values("min_over_time(probe_success{job=\"" + ProbeScrapeJob.NAME + "\",gen_ai_provider_name=\""
        + UP_PROVIDER + "\"}[1h])"));
    assertEquals(DOWN_PROVIDERS, alertingProviders(UNREACHABLE));
    // no service here has called these providers: the probe alone raises a ticket, not a page
    assertEquals(Set.of("ticket"), severities(UNREACHABLE));
    for (String other : List.of("AitapAIProviderProbeSlow", "AitapAIProbesNotRunning")) {
      assertEquals(Set.of(), alertingProviders(other), other);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyQueryOfTheDashboardsProbeRowReturnsData() {
    List<Named<String>> queries = DashboardQueries.ofProbeRow();
    assertFalse(queries.isEmpty(), "no row " + DashboardQueries.PROBE_ROW + " in " + DashboardQueries.DASHBOARDS);
    return DynamicTest.stream(queries.stream(), promql -> eventually(promql,
        () -> api.query(promql), samples -> samples.stream().anyMatch(sample -> !Double.isNaN(sample.value))));
  }

  /** The providers of the pending or firing alerts of that name. */
  private Set<String> alertingProviders(String alertName) {
    Set<String> providers = new TreeSet<>();
    for (JsonNode alert : api.alerts()) {
      if (alert.path("labels").path("alertname").asText().equals(alertName)) {
        assertTrue(List.of("pending", "firing").contains(alert.path("state").asText()), alert.toString());
        providers.add(alert.path("labels").path(ProbeScrapeJob.PROVIDER_LABEL).asText());
      }
    }
    return providers;
  }

  private Set<String> severities(String alertName) {
    Set<String> severities = new TreeSet<>();
    for (JsonNode alert : api.alerts()) {
      if (alert.path("labels").path("alertname").asText().equals(alertName)) {
        severities.add(alert.path("labels").path("severity").asText());
      }
    }
    return severities;
  }

  private List<Double> values(String promql) {
    List<Double> values = new ArrayList<>();
    api.query(promql).forEach(sample -> values.add(sample.value));
    return values;
  }

  /** Polls until {@code done} accepts the answer; after the class's deadline, once more. */
  private <T> T eventually(String what, Supplier<T> poll, Predicate<T> done) {
    while (true) {
      boolean lastTry = System.nanoTime() > deadline;
      T last = poll.get();
      if (done.test(last)) {
        return last;
      }
      if (lastTry) {
        throw new AssertionError(what + " did not hold within " + PATIENCE + "; last: " + last
            + "\n--- blackbox exporter ---\n" + exporter.log() + "--- prometheus ---\n" + prometheus.log());
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
