package io.aitap.smoke.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.harness.DaemonThreads;
import io.aitap.smoke.harness.OtlpReceiver;
import io.aitap.smoke.harness.PrintedTelemetry;
import io.aitap.smoke.harness.ReceivedSpan;
import io.aitap.smoke.harness.TestJdk;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The README-defaults tier: aitap run as the README shows it, with only the settings it shows and
 * nothing the harness adds. A program makes five AI calls and exits as soon as the last one ends;
 * whatever the exporter, every span and metric value of those calls is delivered before the JVM is
 * gone, and a collector that is down or never answers holds the exit up for no longer than the
 * bound aitap names in the one line that says the telemetry was not delivered.
 */
class ReadmeDefaultsSmokeTest {

  /** JVM start and load differences between two runs of the same program: generous, not a speed target. */
  private static final long SLACK_MILLIS = 5_000;
  /**
   * The most aitap may wait on the exporters by default: a second, or as long as its own start
   * took on a JVM short of CPU, which the start's own cap (10 s) bounds.
   */
  private static final long MAX_BOUND_MILLIS = 10_000;

  @TestFactory
  Stream<DynamicContainer> asTheReadmeShows() {
    return TestJdk.all().stream().map(jdk -> dynamicContainer(jdk.toString(), Stream.of(
        dynamicTest("the README's OTLP example, to a collector speaking HTTP/1.1 only", () -> readmeOtlpExample(jdk)),
        dynamicTest("OTEL_TRACES_EXPORTER=logging-otlp, OTEL_METRICS_EXPORTER=logging-otlp", () -> printedAtExit(
            jdk, "logging-otlp", PrintedTelemetry::otlpJsonSpans, PrintedTelemetry::otlpJsonRecordings)),
        dynamicTest("OTEL_TRACES_EXPORTER=console, OTEL_METRICS_EXPORTER=console", () -> printedAtExit(
            jdk, "console", PrintedTelemetry::consoleSpans, PrintedTelemetry::consoleRecordings)),
        dynamicTest("a collector that refuses connections", () -> collectorRefusing(jdk)),
        dynamicTest("a black-holed collector", () -> collectorBlackHoled(jdk)))));
  }

  private static void readmeOtlpExample(TestJdk jdk) throws IOException {
    try (OtlpReceiver collector = new OtlpReceiver()) {
      ReadmeJvm.Run run = ReadmeJvm.callAndExit(jdk, readmeExample(collector.endpoint()));

      assertDelivered(collector, run, "checkout");
      assertTrue(run.startupLine().contains(
              "traces to otlp http/protobuf " + collector.endpoint() + "/v1/traces, metrics to otlp http/protobuf "
                  + collector.endpoint() + "/v1/metrics"),
          run.startupLine());
    }
  }

  /** Every span and every metric value of the calls reached the collector before the JVM exited. */
  static void assertDelivered(OtlpReceiver collector, ReadmeJvm.Run run, String serviceName) {
    List<ReceivedSpan> spans = collector.spans();
    assertEquals(ReadmeJvm.calls(), spans.size(), () -> "spans " + spans + "\nrejected " + collector.rejected()
        + "\n" + run.result.output());
    for (ReceivedSpan span : spans) {
      assertEquals(serviceName, span.resource().get("service.name"), span::toString);
    }
    assertEquals(ReadmeJvm.calls(), collector.histogram(ReadmeJvm.OPERATION_DURATION).recordings(),
        () -> collector.metrics() + "\n" + run.result.output());
    assertEquals(0, run.notDeliveredLines(), run.result::output);
  }

  /**
   * With an exporter that prints ({@code logging-otlp}, {@code console}) for both signals, every
   * span and every recorded value is printed, read back by {@code spans} and {@code recordings}.
   */
  private static void printedAtExit(TestJdk jdk, String exporter, Function<String, Set<String>> spans,
      ToLongBiFunction<String, String> recordings) throws IOException {
    ReadmeJvm.Run run = ReadmeJvm.callAndExit(jdk, Map.of(
        "OTEL_TRACES_EXPORTER", exporter, "OTEL_METRICS_EXPORTER", exporter));
    String printed = run.result.stdout + run.result.stderr;

    assertEquals(ReadmeJvm.calls(), spans.apply(printed).size(), run.result::output);
    assertEquals(ReadmeJvm.calls(), recordings.applyAsLong(printed, ReadmeJvm.OPERATION_DURATION), run.result::output);
  }

  private static void collectorRefusing(TestJdk jdk) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    exitsWithinTheBound(jdk, "http://127.0.0.1:" + closedPort);
  }

  private static void collectorBlackHoled(TestJdk jdk) throws IOException {
    try (BlackHole collector = new BlackHole()) {
      exitsWithinTheBound(jdk, collector.endpoint());
    }
  }

  /**
   * The same program with a collector that answers and with the sick one: the sick one costs at
   * most the bound (plus slack for the difference between two JVM runs), and one line says what
   * was not delivered; the healthy one loses nothing and says nothing.
   */
  private static void exitsWithinTheBound(TestJdk jdk, String sickEndpoint) throws IOException {
    ReadmeJvm.Run healthy;
    try (OtlpReceiver collector = new OtlpReceiver()) {
      healthy = ReadmeJvm.callAndExit(jdk, readmeExample(collector.endpoint()));
      assertDelivered(collector, healthy, "checkout");
    }
    ReadmeJvm.Run sick = ReadmeJvm.callAndExit(jdk, readmeExample(sickEndpoint));

    assertEquals(1, sick.notDeliveredLines(), sick.result::output);
    long bound = sick.notDeliveredBoundMillis();
    assertTrue(bound <= MAX_BOUND_MILLIS, () -> "waited " + bound + " ms\n" + sick.result.output());
    assertTrue(sick.millis <= healthy.millis + bound + SLACK_MILLIS,
        () -> "with the collector sick the JVM took " + sick.millis + " ms, with it healthy " + healthy.millis
            + " ms\n" + sick.result.output());
  }

  private static Map<String, String> readmeExample(String endpoint) {
    return Map.of("OTEL_SERVICE_NAME", "checkout", "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
  }

  /** A collector that accepts connections and reads what it is sent, but never answers. */
  private static final class BlackHole implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    BlackHole() throws IOException {
      DaemonThreads.named("black-hole").newThread(this::swallow).start();
    }

    String endpoint() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void swallow() {
      try {
        while (true) {
          Socket socket = server.accept();
          accepted.add(socket);
          DaemonThreads.named("black-hole-read").newThread(() -> drain(socket)).start();
        }
      } catch (IOException closed) {
        // the test is over
      }
    }

    private static void drain(Socket socket) {
      byte[] buffer = new byte[8192];
      try (InputStream in = socket.getInputStream()) {
        while (in.read(buffer) >= 0) {
          // never answered
        }
      } catch (IOException closed) {
        // the test is over
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }
}
