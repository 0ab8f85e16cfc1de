package io.aitap.smoke.deploy;

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

  private final LoopbackServerProcess server;
  private final String address;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BlackboxExporter(LoopbackServerProcess server, String address) {
    this.server = server;
    this.address = address;
  }

  static BlackboxExporter start(Path work) throws IOException, InterruptedException {
    String address = "127.0.0.1:" + LocalPrometheus.freeLoopbackPort();
    LoopbackServerProcess server = LoopbackServerProcess.start(
        List.of(BINARY.toString(), "--config.file=" + CONFIG, "--web.listen-address=" + address),
        work.resolve("blackbox-exporter.log"), "http://" + address + "/-/healthy");
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
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
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
