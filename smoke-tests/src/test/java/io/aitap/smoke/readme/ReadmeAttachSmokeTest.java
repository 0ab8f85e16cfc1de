package io.aitap.smoke.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.sun.net.httpserver.HttpServer;
import io.aitap.smoke.harness.OtlpReceiver;
import io.aitap.smoke.harness.ReceivedSpan;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code java -jar aitap-agent.jar attach <pid>}, as the README shows it, into a service whose HTTP
 * client is loaded and in use already: aitap instruments the loaded classes, and every AI call
 * from then on, and none before, reaches the collector.
 */
class ReadmeAttachSmokeTest {

  private static final int CALLS_AFTER = 3;
  private static final Duration WAIT = Duration.ofMinutes(2);

  @TestFactory
  Stream<DynamicTest> attachedToARunningService() {
    return TestJdk.all().stream().map(jdk -> dynamicTest(jdk.toString(), () -> attachLater(jdk)));
  }

  private static void attachLater(TestJdk jdk) throws Exception {
    byte[] answer = Fixtures.named("openai-chat.json").body();
    HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(answer);
      }
    });
    provider.start();
    Path work = Files.createDirectories(Path.of(System.getProperty("aitap.smoke.work")));
    Path stderr = Files.createTempFile(work, "attached-", ".err");
    try (OtlpReceiver collector = new OtlpReceiver()) {
      ProcessBuilder builder = new ProcessBuilder(jdk.java().toString(), "-cp", System.getProperty("aitap.smoke.classpath"),
          AttachLaterProgram.class.getName(),
          "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1/chat/completions", String.valueOf(CALLS_AFTER))
          .redirectError(stderr.toFile());
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("OTEL_") || name.startsWith("AITAP_") || name.endsWith("JAVA_OPTIONS"));
      env.put("OTEL_SERVICE_NAME", "attached");
      env.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
      Process service = builder.start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> readLine(out)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(ready != null && ready.startsWith("ready "), () -> ready + "\n" + read(stderr));

        Process attach = new ProcessBuilder(jdk.java().toString(), "-jar", System.getProperty("aitap.agent.jar"),
            "attach", ready.substring("ready ".length())).redirectErrorStream(true).start();
        String attachOutput = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(attach.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS), attachOutput);
        assertEquals(0, attach.exitValue(), attachOutput);

        try (Writer in = new OutputStreamWriter(service.getOutputStream(), StandardCharsets.UTF_8)) {
          in.write("go\n");
        }
        assertEquals("done", CompletableFuture.supplyAsync(() -> readLine(out)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS),
            () -> read(stderr));
        assertTrue(service.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS), () -> read(stderr));
        assertEquals(0, service.exitValue(), () -> read(stderr));

        assertTrue(read(stderr).contains("instrumented jdk-httpclient"), () -> read(stderr));
        List<ReceivedSpan> spans = collector.awaitSpans(ReceivedSpan::isAitaps, CALLS_AFTER, WAIT);
        assertEquals(CALLS_AFTER, spans.size(), () -> spans + "\n" + read(stderr));
        for (ReceivedSpan span : spans) {
          assertEquals("attached", span.resource().get("service.name"), span::toString);
          assertEquals("chat", span.attributes().get("gen_ai.operation.name"), span::toString);
        }
        assertEquals(CALLS_AFTER, collector.awaitHistogram(ReadmeJvm.OPERATION_DURATION, CALLS_AFTER, WAIT).recordings(),
            () -> collector.metrics() + "\n" + read(stderr));
      } finally {
        service.destroyForcibly();
      }
    } finally {
      provider.stop(0);
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
