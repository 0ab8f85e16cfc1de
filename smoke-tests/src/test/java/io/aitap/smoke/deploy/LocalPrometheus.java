package io.aitap.smoke.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * The real Prometheus server from Debian's {@code prometheus} package (which {@code .ci/run}
 * installs), on 127.0.0.1 with a data directory of its own, scraping one target every second and
 * evaluating rule files every second.
 */
final class LocalPrometheus implements AutoCloseable {

  static final Path BINARY = Paths.get("/usr/bin/prometheus");
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final PrometheusApi api;

  private LocalPrometheus(Process process, Path log, PrometheusApi api) {
    this.process = process;
    this.log = log;
    this.api = api;
  }

  /**
   * The configuration both the local server and the container use: one scrape job, rule files by
   * a glob; {@code honorLabels} keeps the job and instance a collector sets from service.name.
   */
  static String configuration(String job, String target, boolean honorLabels, String ruleGlob) {
    return String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - \"" + ruleGlob + "\"",
        "scrape_configs:",
        "  - job_name: \"" + job + "\"",
        "    honor_labels: " + honorLabels,
        "    static_configs:",
        "      - targets: [\"" + target + "\"]",
        "");
  }

  /** Starts Prometheus in {@code work}, scraping {@code target} as {@code job}, with the rule files in {@code rules}. */
  static LocalPrometheus start(Path work, String job, String target, Path rules) throws IOException, InterruptedException {
    Path config = work.resolve("prometheus.yml");
    Files.writeString(config, configuration(job, target, false, rules.resolve("*" + RuleFiles.GLOB_SUFFIX).toString()),
        StandardCharsets.UTF_8);
    int port = freeLoopbackPort();
    Path log = work.resolve("prometheus.log");
    Process process = new ProcessBuilder(List.of(BINARY.toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + Files.createDirectories(work.resolve("data")),
        "--web.listen-address=127.0.0.1:" + port))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    LocalPrometheus prometheus = new LocalPrometheus(process, log, new PrometheusApi("http://127.0.0.1:" + port));
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!prometheus.api.ready()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String output = prometheus.log();
        prometheus.close();
        throw new AssertionError("Prometheus did not become ready within " + STARTUP + "\n" + output);
      }
      Thread.sleep(200);
    }
    return prometheus;
  }

  PrometheusApi api() {
    return api;
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    Processes.stop(process);
  }
}
