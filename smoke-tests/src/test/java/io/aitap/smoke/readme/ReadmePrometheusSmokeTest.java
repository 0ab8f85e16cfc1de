package io.aitap.smoke.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.clients.ScrapedProgram;
import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.SmokePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README-defaults tier with {@code OTEL_METRICS_EXPORTER=prometheus} and a port but no host:
 * the scrape endpoint listens on the wildcard address, so a Prometheus in another container or pod
 * can reach it, the startup line says so, and a scrape over loopback returns aitap's metrics.
 */
class ReadmePrometheusSmokeTest {

  private static final Duration SCRAPE_WAIT = Duration.ofSeconds(60);
  private static final String OPERATION_COUNT = "gen_ai_client_operation_duration_seconds_count";
  /** Every address, IPv4 or dual-stack IPv6, as {@link #listeners} writes them. */
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::");
  /** LISTEN in the kernel's socket tables. */
  private static final String LISTEN = "0A";

  @TestFactory
  Stream<DynamicTest> scrapedOnEveryAddress() {
    return TestJdk.all().stream().map(jdk -> dynamicTest(jdk + ": no OTEL_EXPORTER_PROMETHEUS_HOST", () -> scraped(jdk)));
  }

  private static void scraped(TestJdk jdk) throws Exception {
    int port = freePort();
    Path work = Files.createTempDirectory("readme-prometheus");
    Path stop = work.resolve("stop");
    try (FakeProvider provider = new FakeProvider()) {
      SmokePlan plan = ReadmeJvm.plan(provider);
      Path planFile = work.resolve("plan.tsv");
      PlannedCall.writePlan(planFile, plan.calls());
      AgentJvm jvm = ReadmeJvm.with(jdk, ScrapedProgram.class, Map.of(
          "OTEL_TRACES_EXPORTER", "none",
          "OTEL_METRICS_EXPORTER", "prometheus",
          "OTEL_EXPORTER_PROMETHEUS_PORT", Integer.toString(port)));
      CompletableFuture<AgentJvm.Result> running =
          CompletableFuture.supplyAsync(() -> jvm.run(planFile.toString(), stop.toString()));
      String scrape;
      List<String> listening;
      try {
        scrape = awaitCalls(port, ReadmeJvm.calls(), running);
        listening = listeners(port);
      } finally {
        Files.write(stop, new byte[0]);
      }
      AgentJvm.Result result = running.get(2, TimeUnit.MINUTES);
      ReadmeJvm.Run run = new ReadmeJvm.Run(result, 0);

      assertTrue(WILDCARDS.containsAll(listening), "listening on port " + port + " at " + listening);
      assertTrue(scrape.contains(OPERATION_COUNT), scrape);
      assertTrue(run.startupLine().contains("metrics to prometheus on 0.0.0.0:" + port), run.startupLine());
    }
  }

  /** Scrapes 127.0.0.1 until the operation count reaches {@code calls}; returns the last scrape. */
  private static String awaitCalls(int port, int calls, CompletableFuture<AgentJvm.Result> running) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + SCRAPE_WAIT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline && !running.isDone()) {
      try {
        last = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        if (operationCount(last) >= calls) {
          return last;
        }
      } catch (IOException notYetListening) {
        last = notYetListening.toString();
      }
      Thread.sleep(100);
    }
    if (running.isDone()) {
      throw new AssertionError("the program ended before it was scraped\n" + running.get().output());
    }
    throw new AssertionError("no " + calls + " calls scraped within " + SCRAPE_WAIT + ": " + last);
  }

  private static double operationCount(String scrape) {
    return scrape.lines()
        .filter(line -> line.startsWith(OPERATION_COUNT))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /**
   * The local addresses of the sockets listening on {@code port}, from the kernel's tables:
   * {@code 0.0.0.0} and {@code ::} for the wildcard, else the address itself.
   */
  private static List<String> listeners(int port) throws IOException {
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Paths.get(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 4 || !fields[3].equals(LISTEN)) {
          continue;
        }
        String[] local = fields[1].split(":");
        if (Integer.parseInt(local[1], 16) == port) {
          addresses.add(address(local[0]));
        }
      }
    }
    if (addresses.isEmpty()) {
      throw new AssertionError("no socket listening on port " + port + " in /proc/net/tcp or /proc/net/tcp6");
    }
    return addresses;
  }

  /** An address as the kernel writes it: hex, in host byte order per 32-bit word. */
  private static String address(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + 3 - i) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      InetAddress address = InetAddress.getByAddress(bytes);
      return address.isAnyLocalAddress() ? (bytes.length == 4 ? "0.0.0.0" : "::") : address.getHostAddress().toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
