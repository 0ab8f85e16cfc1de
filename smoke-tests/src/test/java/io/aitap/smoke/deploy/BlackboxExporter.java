package io.aitap.smoke.deploy;

import io.aitap.smoke.harness.RunningProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Prometheus blackbox exporter from Debian's {@code prometheus-blackbox-exporter} package
 * (which {@code .ci/run} installs), on 127.0.0.1 with {@code deploy/blackbox/blackbox.yml}.
 */
final class BlackboxExporter implements AutoCloseable {

  static final Path BINARY = Paths.get("/usr/bin/prometheus-blackbox-exporter");
  static final Path CONFIG = Paths.get("../deploy/blackbox/blackbox.yml").toAbsolutePath().normalize();

  /** What Prometheus tells the exporter with every scrape; the exporter probes for half a second less. */
  private static final String SCRAPE_TIMEOUT_SECONDS = "5";

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final RunningProcess server;
  private final String address;

  private BlackboxExporter(RunningProcess server, String address) {
    this.server = server;
    this.address = address;
  }

  static BlackboxExporter start(Path work) throws IOException {
    String address = "127.0.0.1:" + LocalPrometheus.freeLoopbackPort();
    RunningProcess server = RunningProcess.start("the blackbox exporter",
        List.of(BINARY.toString(), "--config.file=" + CONFIG, "--web.listen-address=" + address), Map.of(),
        work.resolve("blackbox-exporter.log"), () -> PrometheusApi.answers200(CLIENT, "http://" + address + "/-/healthy"));
    return new BlackboxExporter(server, address);
  }

  /** host:port, as a Prometheus scrape job names it. */
  String address() {
    return address;
  }

  /** One probe as Prometheus scrapes it: the unlabelled samples the exporter answers, by name. */
  Map<String, Double> probe(String module, String target) throws IOException, InterruptedException {
    URI uri = URI.create("http://" + address + "/probe?module=" + URLEncoder.encode(module, StandardCharsets.UTF_8)
        + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("X-Prometheus-Scrape-Timeout-Seconds", SCRAPE_TIMEOUT_SECONDS).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("the exporter answered " + response.statusCode() + " to " + uri + ": " + response.body() + "\n" + log());
    }
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().split("\n")) {
      String[] sample = line.split(" ");
      if (!line.startsWith("#") && sample.length == 2 && !sample[0].contains("{")) {
        samples.put(sample[0], Double.parseDouble(sample[1]));
      }
    }
    return samples;
  }

  String log() {
    return server.log();
  }

  @Override
  public void close() {
    server.close();
  }
}
