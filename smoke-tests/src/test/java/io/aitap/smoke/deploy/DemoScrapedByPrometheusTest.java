package io.aitap.smoke.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with {@code OTEL_METRICS_EXPORTER=prometheus} (the OpenTelemetry SDK's own scrape
 * endpoint, on 127.0.0.1), scraped by the real Prometheus from Debian's package (2.x) with
 * {@code deploy/prometheus/rules}. {@link DemoAlertsThroughAlertmanagerTest} runs the same checks on
 * Prometheus 3.
 */
class DemoScrapedByPrometheusTest extends DemoInPrometheusChecks {

  private LocalPrometheus prometheus;

  /** The Prometheus server this class runs. */
  Path binary() {
    return LocalPrometheus.DEBIAN;
  }

  /** Writes the rule files Prometheus loads into {@code rules}: the deployed ones, evaluated every second. */
  void writeRules(Path work, Path rules) throws Exception {
    RuleFiles.copyEvaluatedEverySecond(rules);
  }

  /** Where Prometheus sends its alerts (host:port), or null for nowhere. */
  String alertmanager(Path work) throws Exception {
    return null;
  }

  @BeforeAll
  void start(@TempDir Path work) throws Exception {
    if (!Files.isExecutable(binary())) {
      unavailable("no Prometheus at " + binary() + " (apt-get install prometheus); .ci/run installs it");
      return;
    }
    int metricsPort = LocalPrometheus.freeLoopbackPort();
    Path rules = Files.createDirectories(work.resolve("rules"));
    writeRules(work, rules);
    prometheus = LocalPrometheus.start(binary(), work, DemoJvm.SERVICE, "127.0.0.1:" + metricsPort, rules, alertmanager(work));
    startDemo(work, Map.of(
        "OTEL_METRICS_EXPORTER", "prometheus",
        "OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1",
        "OTEL_EXPORTER_PROMETHEUS_PORT", Integer.toString(metricsPort),
        "OTEL_TRACES_EXPORTER", "none"));
  }

  @AfterAll
  void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Override
  PrometheusApi prometheus() {
    return prometheus.api();
  }

  @Override
  String prometheusLogs() {
    return "--- prometheus ---\n" + prometheus.log();
  }
}
