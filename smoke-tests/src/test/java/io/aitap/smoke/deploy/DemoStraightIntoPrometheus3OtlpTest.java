package io.aitap.smoke.deploy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third way in of the README, without a collector: the demo (on the JDK running the tests)
 * sends its metrics over OTLP/HTTP straight to Prometheus 3's OTLP receiver; Prometheus runs
 * {@code deploy/prometheus/prometheus.yml} for its rules.
 */
class DemoStraightIntoPrometheus3OtlpTest extends DemoThroughPipelineChecks {

  @BeforeAll
  void start(@TempDir Path work) throws Exception {
    Prometheus3 prometheus = running(Prometheus3.start(work, ShippedPrometheusConfig.write(work, Map.of()),
        "--web.enable-otlp-receiver"));
    startDemo(work, Map.of(
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", prometheus.otlpMetricsUrl(),
        // Prometheus takes metrics only: spans go to a collector or tracing backend, or nowhere
        "OTEL_TRACES_EXPORTER", "none",
        "OTEL_METRIC_EXPORT_INTERVAL", "500"));
  }
}
