package io.aitap.smoke.deploy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTLP over gRPC, as a service asks for it with {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc}: the demo
 * exports to the collector's gRPC receiver (deploy/otel-collector/config.yaml), and Prometheus 3
 * scrapes the collector. The agent jar carries its gRPC sender (OkHttp) for exactly this.
 */
class DemoThroughCollectorOverGrpcTest extends DemoThroughPipelineChecks {

  @BeforeAll
  void start(@TempDir Path work) throws Exception {
    CollectorProcess collector = running(CollectorProcess.start(work, CollectorProcess.PULL, Map.of()));
    running(Prometheus3.start(work, ShippedPrometheusConfig.write(work, Map.of(
        "otel-collector:" + CollectorProcess.PROMETHEUS_EXPORTER, "127.0.0.1:" + collector.port(CollectorProcess.PROMETHEUS_EXPORTER)))));
    startDemo(work, Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.port(CollectorProcess.OTLP_GRPC),
        "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
        "OTEL_METRIC_EXPORT_INTERVAL", "500"));
  }
}
