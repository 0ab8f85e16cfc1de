package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitap.smoke.harness.BuiltTools;
import io.aitap.smoke.harness.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alertmanager, built from source by {@code tools/build-go-tools.sh}, on 127.0.0.1 with
 * {@code deploy/alertmanager/alertmanager.yml} as shipped but for where its secrets and its mail
 * server are: the Slack webhook URL file, the SMTP password file and the SMTP smarthost point at
 * what the test started. Routes, receivers, templates, timers and inhibition rules are the
 * shipped ones, and the copy is checked to differ in those three lines alone.
 */
final class LocalAlertmanager implements AutoCloseable {

  static final Path CONFIG = Paths.get("../deploy/alertmanager/alertmanager.yml").toAbsolutePath().normalize();
  private static final Duration STARTUP = Duration.ofSeconds(60);
  /** The settings a deployment points at its own secrets and mail server; nothing else is changed. */
  private static final List<String> LOCAL_SETTINGS = List.of("slack_api_url_file", "smtp_auth_password_file", "smtp_smarthost");

  private final Process process;
  private final Path log;
  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  private LocalAlertmanager(Process process, Path log, String baseUrl) {
    this.process = process;
    this.log = log;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts Alertmanager in {@code work} delivering to the Slack webhook at {@code slackUrl} and
   * the mail server at {@code smarthost}, which it logs in to with {@code smtpPassword} and trusts
   * through the certificate in {@code trustedPem}.
   */
  static LocalAlertmanager start(Path work, String slackUrl, String smarthost, String smtpPassword, Path trustedPem)
      throws IOException, InterruptedException {
    Path secrets = Files.createDirectories(work.resolve("secrets"));
    Path webhookFile = Files.writeString(secrets.resolve("slack-webhook-url"), slackUrl, StandardCharsets.UTF_8);
    Path passwordFile = Files.writeString(secrets.resolve("smtp-password"), smtpPassword, StandardCharsets.UTF_8);
    Path config = work.resolve("alertmanager.yml");
    Files.writeString(config, pointedAt(Map.of(
        "slack_api_url_file", webhookFile.toString(),
        "smtp_auth_password_file", passwordFile.toString(),
        "smtp_smarthost", smarthost)), StandardCharsets.UTF_8);
    int port = LocalPrometheus.freeLoopbackPort();
    Path log = work.resolve("alertmanager.log");
    ProcessBuilder builder = new ProcessBuilder(List.of(BuiltTools.require("alertmanager").toString(),
        "--config.file=" + config,
        "--storage.path=" + Files.createDirectories(work.resolve("alertmanager-data")),
        "--web.listen-address=127.0.0.1:" + port,
        // a single instance: no gossip port on every address
        "--cluster.listen-address=",
        "--log.level=debug"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // Go reads its trusted roots from here: the test's SMTP server certificate and nothing else
    builder.environment().put("SSL_CERT_FILE", trustedPem.toString());
    LocalAlertmanager alertmanager = new LocalAlertmanager(builder.start(), log, "http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!alertmanager.ready()) {
      if (!alertmanager.process.isAlive() || System.nanoTime() > deadline) {
        String output = alertmanager.log();
        alertmanager.close();
        throw new AssertionError("Alertmanager did not become ready within " + STARTUP + "\n" + output);
      }
      Thread.sleep(200);
    }
    return alertmanager;
  }

  /**
   * The shipped configuration with each of {@link #LOCAL_SETTINGS} set to the given value, checked
   * to differ from it in exactly those lines.
   */
  static String pointedAt(Map<String, String> values) throws IOException {
    String shipped = Files.readString(CONFIG, StandardCharsets.UTF_8);
    String copy = shipped;
    for (String setting : LOCAL_SETTINGS) {
      Matcher line = Pattern.compile("(?m)^(\\s*" + setting + ":).*$").matcher(copy);
      copy = line.replaceFirst("$1 " + Matcher.quoteReplacement(values.get(setting)));
    }
    List<String> changed = new ArrayList<>();
    String[] before = shipped.split("\n", -1);
    String[] after = copy.split("\n", -1);
    assertEquals(before.length, after.length, copy);
    for (int i = 0; i < before.length; i++) {
      if (!before[i].equals(after[i])) {
        changed.add(before[i].trim().split(":")[0]);
      }
    }
    changed.sort(null);
    assertEquals(LOCAL_SETTINGS, changed, "the lines of " + CONFIG + " pointed at the test's receivers");
    return copy;
  }

  /** host:port, for Prometheus' {@code alerting} section. */
  String address() {
    return baseUrl.substring("http://".length());
  }

  /** Every alert Alertmanager holds ({@code /api/v2/alerts}), with its status: active, or suppressed and by what. */
  JsonNode alerts() {
    return json(get("/api/v2/alerts"));
  }

  /** The value of the counter {@code name} with exactly these labels on {@code /metrics}, 0 when it has none yet. */
  double counter(String name, String labels) {
    String prefix = name + "{" + labels + "} ";
    for (String line : get("/metrics").split("\n")) {
      if (line.startsWith(prefix)) {
        return Double.parseDouble(line.substring(prefix.length()).trim());
      }
    }
    return 0;
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean ready() {
    return PrometheusApi.ready(client, baseUrl);
  }


  private String get(String path) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("Alertmanager answered " + response.statusCode() + " to " + path + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new AssertionError("Alertmanager at " + baseUrl + " did not answer " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private JsonNode json(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
