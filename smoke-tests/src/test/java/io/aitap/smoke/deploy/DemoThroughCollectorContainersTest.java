package io.aitap.smoke.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The path {@code deploy/docker-compose.yml} sets up: the demo exports OTLP/HTTP to the official
 * OpenTelemetry Collector (contrib) image running {@code deploy/otel-collector/config.yaml}, and
 * the official Prometheus image scrapes the collector's Prometheus exporter, as
 * {@code deploy/prometheus/prometheus.yml} does, with {@code deploy/prometheus/rules}. Both images
 * at the versions the compose file names. Skipped where no Docker engine runs.
 */
class DemoThroughCollectorContainersTest extends DemoInPrometheusChecks {

  private static final Path DEPLOY = Paths.get("../deploy").toAbsolutePath().normalize();
  private static final int OTLP_HTTP = 4318;
  private static final int COLLECTOR_PROMETHEUS = 8889;
  private static final int PROMETHEUS = 9090;
  private static final String COLLECTOR_HOST = "otel-collector";

  private Network network;
  private GenericContainer<?> collector;
  private GenericContainer<?> prometheus;
  private PrometheusApi api;

  @BeforeAll
  void start(@TempDir Path work) throws Exception {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      unavailable("no Docker engine here: the collector and Prometheus images cannot run"
          + " (DemoScrapedByPrometheusTest checks the same with Debian's Prometheus)");
      return;
    }
    network = Network.newNetwork();
    collector = new GenericContainer<>(composeImage("otel/opentelemetry-collector-contrib"))
        .withNetwork(network)
        .withNetworkAliases(COLLECTOR_HOST)
        .withCopyFileToContainer(MountableFile.forHostPath(DEPLOY.resolve("otel-collector/config.yaml"), 0644),
            "/etc/otelcol/config.yaml")
        .withCommand("--config=/etc/otelcol/config.yaml")
        .withExposedPorts(OTLP_HTTP, COLLECTOR_PROMETHEUS)
        // the images have no shell for Testcontainers' in-container port check: ask over HTTP instead
        .waitingFor(Wait.forHttp("/metrics").forPort(COLLECTOR_PROMETHEUS));
    collector.start();

    Path config = work.resolve("prometheus.yml");
    Files.writeString(config, LocalPrometheus.configuration("otel-collector", COLLECTOR_HOST + ":" + COLLECTOR_PROMETHEUS, true,
        "/etc/prometheus/rules/*" + RuleFiles.GLOB_SUFFIX), StandardCharsets.UTF_8);
    prometheus = new GenericContainer<>(composeImage("prom/prometheus"))
        .withNetwork(network)
        .withCopyFileToContainer(MountableFile.forHostPath(config, 0644), "/etc/prometheus/prometheus.yml")
        .withCommand("--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus")
        .withExposedPorts(PROMETHEUS)
        .waitingFor(Wait.forHttp("/-/ready").forPort(PROMETHEUS));
    Path rules = Files.createDirectories(work.resolve("rules"));
    for (Path copy : RuleFiles.copyEvaluatedEverySecond(rules)) {
      prometheus.withCopyFileToContainer(MountableFile.forHostPath(copy, 0644), "/etc/prometheus/rules/" + copy.getFileName());
    }
    prometheus.start();
    api = new PrometheusApi("http://" + prometheus.getHost() + ":" + prometheus.getMappedPort(PROMETHEUS));

    startDemo(work, Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://" + collector.getHost() + ":" + collector.getMappedPort(OTLP_HTTP),
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
        "OTEL_METRICS_EXPORTER", "otlp",
        "OTEL_METRIC_EXPORT_INTERVAL", "500",
        "OTEL_TRACES_EXPORTER", "otlp",
        "OTEL_BSP_SCHEDULE_DELAY", "200"));
  }

  @AfterAll
  void stop() {
    for (AutoCloseable resource : new AutoCloseable[] {prometheus, collector, network}) {
      closeQuietly(resource);
    }
  }

  @Override
  PrometheusApi prometheus() {
    return api;
  }

  @Override
  String prometheusLogs() {
    return "--- collector ---\n" + collector.getLogs() + "--- prometheus ---\n" + prometheus.getLogs();
  }

  /** The image {@code deploy/docker-compose.yml} runs, so this test and a deployment use the same versions. */
  private static DockerImageName composeImage(String repository) {
    try {
      String compose = Files.readString(DEPLOY.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
      Matcher image = Pattern.compile("(?m)^\\s*image:\\s*(" + Pattern.quote(repository) + ":\\S+)").matcher(compose);
      if (!image.find()) {
        throw new AssertionError("deploy/docker-compose.yml runs no " + repository + " image");
      }
      return DockerImageName.parse(image.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      // the next resource still has to go
    }
  }
}
