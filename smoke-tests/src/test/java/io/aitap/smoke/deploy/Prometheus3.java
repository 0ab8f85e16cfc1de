package io.aitap.smoke.deploy;

import io.aitap.smoke.harness.BuiltTools;
import io.aitap.smoke.harness.RunningProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prometheus 3, built from source by {@code build-go-tools.sh}, on 127.0.0.1 with a data
 * directory of its own.
 */
final class Prometheus3 implements AutoCloseable {

  private final RunningProcess process;
  private final String baseUrl;
  private final PrometheusApi api;

  private Prometheus3(RunningProcess process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.api = new PrometheusApi(baseUrl);
  }

  /** Starts it in {@code work} with the configuration file {@code config} and any further flags (receivers). */
  static Prometheus3 start(Path work, Path config, String... flags) throws IOException {
    String address = "127.0.0.1:" + LocalPrometheus.freeLoopbackPort();
    List<String> command = new ArrayList<>(List.of(BuiltTools.require("prometheus").toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + Files.createDirectories(work.resolve("data")),
        "--web.listen-address=" + address));
    command.addAll(List.of(flags));
    PrometheusApi api = new PrometheusApi("http://" + address);
    RunningProcess process = RunningProcess.start("Prometheus 3", command, Map.of(), work.resolve("prometheus.log"), api::ready);
    return new Prometheus3(process, "http://" + address);
  }

  PrometheusApi api() {
    return api;
  }

  /** The remote-write receiver's URL (with --web.enable-remote-write-receiver). */
  String remoteWriteUrl() {
    return baseUrl + "/api/v1/write";
  }

  /** The OTLP receiver's metrics URL (with --web.enable-otlp-receiver), as OTEL_EXPORTER_OTLP_METRICS_ENDPOINT names it. */
  String otlpMetricsUrl() {
    return baseUrl + "/api/v1/otlp/v1/metrics";
  }

  String log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }
}
