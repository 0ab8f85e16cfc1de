package io.aitap.smoke.deploy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first way in of the README: the demo (on the JDK running the tests) sends OTLP/HTTP to the
 * collector running {@code deploy/otel-collector/config.yaml}, and Prometheus 3 scrapes the
 * collector's Prometheus exporter with {@code deploy/prometheus/prometheus.yml}.
 */
class DemoThroughCollectorScrapedByPrometheus3Test extends DemoThroughPipelineChecks {

  @BeforeAll
  void start(@TempDir Path work) throws Exception {
    CollectorProcess collector = running(CollectorProcess.start(work, CollectorProcess.PULL, Map.of()));
    running(Prometheus3.start(work, ShippedPrometheusConfig.write(work, Map.of(
        "otel-collector:" + CollectorProcess.PROMETHEUS_EXPORTER, "127.0.0.1:" + collector.port(CollectorProcess.PROMETHEUS_EXPORTER)))));
    startDemo(work, sendingTo(collector.otlpHttpEndpoint()));
  }
}
