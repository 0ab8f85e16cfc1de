package io.aitap.smoke.deploy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second way in of the README: the demo (on the other JDK, Temurin 25 where it is installed)
 * sends OTLP/HTTP to the collector running {@code deploy/otel-collector/config-remote-write.yaml},
 * which pushes to Prometheus 3's remote-write receiver; Prometheus runs
 * {@code deploy/prometheus/prometheus.yml} for its rules.
 */
class DemoThroughCollectorRemoteWriteTest extends DemoThroughPipelineChecks {

  @BeforeAll
  void start(@TempDir Path work) throws Exception {
    Prometheus3 prometheus = running(Prometheus3.start(work, ShippedPrometheusConfig.write(work, Map.of()),
        "--web.enable-remote-write-receiver"));
    CollectorProcess collector = running(CollectorProcess.start(work, CollectorProcess.REMOTE_WRITE,
        Map.of("PROMETHEUS_REMOTE_WRITE_URL", prometheus.remoteWriteUrl())));
    startDemo(work, otherJava(), sendingTo(collector.otlpHttpEndpoint()));
  }
}
