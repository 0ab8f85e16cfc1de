package io.aitap.smoke.deploy;

import io.aitap.smoke.harness.BuiltTools;
import io.aitap.smoke.harness.RunningProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus server on 127.0.0.1 with a data directory of its own, scraping one target
 * every second and evaluating rule files every second: Debian's {@code prometheus} package (2.x,
 * which {@code .ci/run} installs) or Prometheus 3, built from source by
 * {@code tools/build-go-tools.sh}.
 */
final class LocalPrometheus implements AutoCloseable {

  /** Debian's Prometheus 2, kept as the check that the rules and dashboards still work on 2.x. */
  static final Path DEBIAN = Paths.get("/usr/bin/prometheus");
  /** Prometheus 3, as users run it today. */
  static final Path PROMETHEUS_3 = BuiltTools.path("prometheus");
  private static final Path SHIPPED_CONFIG = Paths.get("../deploy/prometheus/prometheus.yml").toAbsolutePath().normalize();
  private static final String SHIPPED_ALERTMANAGER = "alertmanager:9093";
  /** A top-level key with everything indented below it, up to the next top-level line. */
  private static final Pattern ALERTING = Pattern.compile("(?m)^alerting:\\n(?:(?:[ #].*)?\\n)*");

  private final RunningProcess process;
  private final PrometheusApi api;

  private LocalPrometheus(RunningProcess process, PrometheusApi api) {
    this.process = process;
    this.api = api;
  }

  /**
   * The configuration both the local server and the container use: one scrape job, rule files by
   * a glob; {@code honorLabels} keeps the job and instance a collector sets from service.name.
   */
  static String configuration(String job, String target, boolean honorLabels, String ruleGlob) {
    return configuration(job, target, honorLabels, ruleGlob, null);
  }

  /**
   * The same, sending alerts to the Alertmanager at {@code alertmanager} (host:port) unless it is
   * null, with the {@code alerting} section of {@code deploy/prometheus/prometheus.yml}.
   */
  static String configuration(String job, String target, boolean honorLabels, String ruleGlob, String alertmanager) {
    String alerting = alertmanager == null ? "" : shippedAlerting(alertmanager);
    return String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - \"" + ruleGlob + "\"",
        alerting + "scrape_configs:",
        "  - job_name: \"" + job + "\"",
        "    honor_labels: " + honorLabels,
        "    static_configs:",
        "      - targets: [\"" + target + "\"]",
        "");
  }

  /**
   * The {@code alerting} section of the shipped {@code prometheus.yml}, verbatim but for its
   * Alertmanager target, which becomes {@code alertmanager}.
   */
  static String shippedAlerting(String alertmanager) {
    String shipped;
    try {
      shipped = Files.readString(SHIPPED_CONFIG, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher section = ALERTING.matcher(shipped);
    if (!section.find()) {
      throw new AssertionError("no alerting section in " + SHIPPED_CONFIG);
    }
    String alerting = section.group().replace(SHIPPED_ALERTMANAGER, alertmanager);
    if (alerting.equals(section.group())) {
      throw new AssertionError("no " + SHIPPED_ALERTMANAGER + " in the alerting section of " + SHIPPED_CONFIG);
    }
    return alerting;
  }

  /**
   * Starts Debian's Prometheus in {@code work}, scraping {@code target} as {@code job}, with the
   * rule files in {@code rules}.
   */
  static LocalPrometheus start(Path work, String job, String target, Path rules) throws IOException, InterruptedException {
    return start(DEBIAN, work, job, target, rules, null);
  }

  /**
   * Starts the Prometheus at {@code binary} in {@code work}, scraping {@code target} as
   * {@code job}, with the rule files in {@code rules}, alerting the Alertmanager at
   * {@code alertmanager} (host:port) unless it is null.
   */
  static LocalPrometheus start(Path binary, Path work, String job, String target, Path rules, String alertmanager)
      throws IOException, InterruptedException {
    Path config = work.resolve("prometheus.yml");
    Files.writeString(config,
        configuration(job, target, false, rules.resolve("*" + RuleFiles.GLOB_SUFFIX).toString(), alertmanager),
        StandardCharsets.UTF_8);
    int port = freeLoopbackPort();
    PrometheusApi api = new PrometheusApi("http://127.0.0.1:" + port);
    RunningProcess process = RunningProcess.start(binary.toString(), List.of(binary.toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + Files.createDirectories(work.resolve("data")),
        "--web.listen-address=127.0.0.1:" + port), Map.of(), work.resolve("prometheus.log"), api::ready);
    return new LocalPrometheus(process, api);
  }

  PrometheusApi api() {
    return api;
  }

  String log() {
    return process.log();
  }

  /**
   * A port nothing listens on right now. Another process could take it before ours binds it; on
   * a loopback interface with ephemeral ports handed out in turn, that does not happen in practice.
   */
  static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.stop();
  }
}
