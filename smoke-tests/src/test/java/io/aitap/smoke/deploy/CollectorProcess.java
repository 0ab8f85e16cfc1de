package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aitap.smoke.harness.BuiltTools;
import io.aitap.smoke.harness.RunningProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenTelemetry Collector built from {@code deploy/otel-collector/builder.yaml}, running one of
 * the shipped configurations. The only change to the configuration is where it listens: every
 * {@code endpoint: host:port} becomes {@code 127.0.0.1:<a free port>}, in a copy.
 */
final class CollectorProcess implements AutoCloseable {

  static final Path CONFIGS = Paths.get("../deploy/otel-collector").toAbsolutePath().normalize();
  /** OTLP in, Prometheus exposition out, for Prometheus to scrape. */
  static final Path PULL = CONFIGS.resolve("config.yaml");
  /** OTLP in, remote write out, to PROMETHEUS_REMOTE_WRITE_URL. */
  static final Path REMOTE_WRITE = CONFIGS.resolve("config-remote-write.yaml");

  static final int OTLP_GRPC = 4317;
  static final int OTLP_HTTP = 4318;
  static final int PROMETHEUS_EXPORTER = 8889;

  /**
   * The feature gates that turn the deprecations of the exporters deploy/ uses into errors (each
   * rejects a key that a later release removes), so that a run with them proves the configuration
   * uses none of them.
   */
  static final String DEPRECATED_KEYS_REJECTED = "--feature-gates="
      + "exporter.prometheus.DisableResourceToTelemetryConversion,"
      + "exporter.prometheusremotewrite.DisableResourceToTelemetryConversion,"
      + "exporter.prometheusremotewritexporter.removeTopLevelHTTPSettings";

  /** An endpoint given as host:port (not a URL, not from the environment), and its port. */
  private static final Pattern LISTEN_ENDPOINT = Pattern.compile("(?m)^(\\s*endpoint:\\s*)\"?[\\w.\\-]*:(\\d+)\"?[ \\t]*$");
  private static final String READY = "Everything is ready";

  private final RunningProcess process;
  private final Map<Integer, Integer> ports;
  private int starts = 1;

  private CollectorProcess(RunningProcess process, Map<Integer, Integer> ports) {
    this.process = process;
    this.ports = ports;
  }

  /**
   * Starts the collector on a loopback copy of {@code shipped}, with {@code environment} for its
   * ${env:...} references and any further command-line flags.
   */
  static CollectorProcess start(Path work, Path shipped, Map<String, String> environment, String... flags) throws IOException {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    Matcher endpoint = LISTEN_ENDPOINT.matcher(Files.readString(shipped, StandardCharsets.UTF_8));
    StringBuilder copy = new StringBuilder();
    while (endpoint.find()) {
      int port = LocalPrometheus.freeLoopbackPort();
      ports.put(Integer.parseInt(endpoint.group(2)), port);
      endpoint.appendReplacement(copy, Matcher.quoteReplacement(endpoint.group(1) + "127.0.0.1:" + port));
    }
    endpoint.appendTail(copy);
    Path config = work.resolve("collector-" + shipped.getFileName());
    Files.writeString(config, copy, StandardCharsets.UTF_8);
    Path log = work.resolve("collector.log");
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--config=" + config,
        // the collector's own metrics: by default on :8888, moved to a free loopback port too
        "--config=yaml:service::telemetry::metrics::readers: [{pull: {exporter: {prometheus: {host: 127.0.0.1, port: "
            + LocalPrometheus.freeLoopbackPort() + "}}}}]"));
    command.addAll(List.of(flags));
    RunningProcess process = RunningProcess.start("the collector", command, environment, log, () -> readyCount(log) >= 1);
    return new CollectorProcess(process, ports);
  }

  /**
   * {@code otelcol validate} on a configuration, with deprecated keys rejected; fails with the
   * collector's words unless it accepts it.
   */
  static String validate(Path config, Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(binary().toString(), "validate", DEPRECATED_KEYS_REJECTED,
        "--config=" + config).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process validate = builder.start();
    String output = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!validate.waitFor(60, TimeUnit.SECONDS)) {
      validate.destroyForcibly();
      throw new AssertionError("otelcol validate did not end within 60 s: " + output);
    }
    assertEquals(0, validate.exitValue(), () -> "otelcol validate --config=" + config + ":\n" + output);
    return output;
  }

  /** The loopback port that took the place of {@code shipped} (4318, 8889, …) in the configuration. */
  int port(int shipped) {
    Integer port = ports.get(shipped);
    if (port == null) {
      throw new IllegalArgumentException("the configuration listens on none of " + shipped + " but on " + ports.keySet());
    }
    return port;
  }

  /** The OTLP/HTTP endpoint, as a service's OTEL_EXPORTER_OTLP_ENDPOINT names it. */
  String otlpHttpEndpoint() {
    return "http://127.0.0.1:" + port(OTLP_HTTP);
  }

  void stop() {
    process.stop();
  }

  /** Starts it again after {@link #stop}, with the same configuration and ports. */
  void restart() throws IOException {
    int expected = ++starts;
    Path log = process.logFile();
    process.restart(() -> readyCount(log) >= expected);
  }

  String log() {
    return process.log();
  }

  private static int readyCount(Path log) {
    try {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      int count = 0;
      for (int at = output.indexOf(READY); at >= 0; at = output.indexOf(READY, at + 1)) {
        count++;
      }
      return count;
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    process.close();
  }

  /** The collector with the components of {@code deploy/otel-collector/builder.yaml}. */
  private static Path binary() {
    return BuiltTools.require("otelcol-aitap");
  }
}
