package io.aitap.smoke.capture;

import static io.aitap.smoke.capture.ContentCaptureProgram.ANSWER_MARKER;
import static io.aitap.smoke.capture.ContentCaptureProgram.EMAIL;
import static io.aitap.smoke.capture.ContentCaptureProgram.PROMPT_MARKER;
import static io.aitap.smoke.capture.ContentCaptureProgram.SYSTEM_MARKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.OtlpReceiver;
import io.aitap.smoke.harness.ReceivedSpan;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.MetricChecks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Prompt and answer content reaches the exporter only when capture is turned on: the real agent
 * jar, an application whose prompts and answers carry marker strings, a stand-in provider on
 * loopback. Off by default, no marker is in any export; turned on, the markers are on the spans
 * (the e-mail address in the prompt redacted) and still in no metric nor in the exit summary; turned
 * on for one provider, only its span carries them.
 */
class ContentCaptureSmokeTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> MARKERS = List.of(SYSTEM_MARKER, PROMPT_MARKER, ANSWER_MARKER, "MARK-9c2e", EMAIL);

  @Test
  void offByDefaultNoContentReachesTheReceiver() throws Exception {
    for (TestJdk jdk : TestJdk.all()) {
      offByDefault(jdk);
    }
  }

  private static void offByDefault(TestJdk jdk) throws Exception {
    Run run = run(jdk, jvm -> jvm);
    for (String export : run.receiver.exports()) {
      for (String marker : MARKERS) {
        assertFalse(export.contains(marker), () -> marker + " exported:\n" + export);
      }
    }
    for (ReceivedSpan span : run.spans) {
      assertNull(span.attribute("gen_ai.input.messages"), span.name());
      assertNull(span.attribute("gen_ai.output.messages"), span.name());
      assertNull(span.attribute("gen_ai.system_instructions"), span.name());
    }
    noMarkerIn(run.result.stdout + run.result.stderr, "what the JVM printed");
  }

  @Test
  void turnedOnTheSpansCarryTheRedactedExchangeAndNothingElseDoes() throws Exception {
    Run run = run(TestJdk.all().get(0), jvm -> jvm.environment("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true")
        .systemProperty("aitap.summary.enabled", "true"));
    for (ReceivedSpan span : run.spans) {
      boolean anthropic = "anthropic".equals(span.attribute("gen_ai.provider.name"));
      String input = (String) span.attribute("gen_ai.input.messages");
      String expectedInput = "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + PROMPT_MARKER
          + " mail [redacted:email]\"}]}";
      if (anthropic) {
        assertEquals("[" + expectedInput + "]", input);
        assertEquals("[{\"type\":\"text\",\"content\":\"" + SYSTEM_MARKER + "\"}]",
            span.attribute("gen_ai.system_instructions"));
      } else {
        assertEquals("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"" + SYSTEM_MARKER + "\"}]},"
            + expectedInput + "]", input);
        assertNull(span.attribute("gen_ai.system_instructions"));
      }
      assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + ANSWER_MARKER
          + " from the stand-in\"}],\"finish_reason\":\"" + (anthropic ? "end_turn" : "stop") + "\"}]",
          span.attribute("gen_ai.output.messages"), span.name());
    }
    for (String export : run.receiver.exports()) {
      assertFalse(export.contains(EMAIL), () -> "the e-mail address exported:\n" + export);
      if (!export.contains("resource_spans")) {
        noMarkerIn(export, "a metrics export");
      }
    }
    assertTrue(run.result.stderr.contains("aitap: AI calls of this JVM"), run.result::output);
    noMarkerIn(run.result.stdout + run.result.stderr, "what the JVM printed, the exit summary included");
  }

  @Test
  void turnedOnForOneProviderOnlyItsSpanCarriesContent() throws Exception {
    Run run = run(TestJdk.all().get(0), jvm -> jvm.systemProperty("aitap.capture.providers", "anthropic"));
    for (ReceivedSpan span : run.spans) {
      boolean anthropic = "anthropic".equals(span.attribute("gen_ai.provider.name"));
      assertEquals(anthropic, span.attribute("gen_ai.input.messages") != null, span.name());
      assertEquals(anthropic, span.attribute("gen_ai.output.messages") != null, span.name());
    }
  }

  /**
   * A prompt and a streamed answer each larger than the application's heap (-Xmx256m), capture on:
   * the application gets every byte, and the span carries both, cut at the caps with the marker.
   */
  @Test
  void aPromptAndAnAnswerLargerThanTheHeapAreCapturedWithinTheCaps() throws Exception {
    HttpServer provider = standIn();
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      AgentJvm.Result result = new AgentJvm(TestJdk.all().get(0), ContentCaptureProgram.class)
          .environment("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true")
          .timeout(Duration.ofMinutes(5))
          .exportingTo(receiver)
          .run(String.valueOf(provider.getAddress().getPort()), "huge");
      List<ReceivedSpan> spans = receiver.awaitSpans(ReceivedSpan::isAitaps, 1, WAIT);
      assertEquals(1, spans.size(), result::output);
      ReceivedSpan span = spans.get(0);
      String input = (String) span.attribute("gen_ai.input.messages");
      String output = (String) span.attribute("gen_ai.output.messages");
      assertTrue(input.startsWith("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + PROMPT_MARKER + " lorem"),
          input.substring(0, 200));
      assertTrue(input.endsWith(" …[truncated]\"}]}]") && input.length() < 4096 + 100, "input of " + input.length());
      assertTrue(output.startsWith("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"" + ANSWER_MARKER),
          output.substring(0, 200));
      assertTrue(output.endsWith(" …[truncated]\"}],\"finish_reason\":\"stop\"}]") && output.length() < 4096 + 120,
          "output of " + output.length());
    } finally {
      provider.stop(0);
    }
  }

  private static void noMarkerIn(String text, String where) {
    for (String marker : MARKERS) {
      assertFalse(text.contains(marker), () -> marker + " in " + where + ":\n" + text);
    }
  }

  private static final class Run {
    final OtlpReceiver receiver;
    final AgentJvm.Result result;
    final List<ReceivedSpan> spans;

    Run(OtlpReceiver receiver, AgentJvm.Result result, List<ReceivedSpan> spans) {
      this.receiver = receiver;
      this.result = result;
      this.spans = spans;
    }
  }

  /** Runs the program against the stand-in until its three spans and their metrics have arrived. */
  private static Run run(TestJdk jdk, UnaryOperator<AgentJvm> setUp) throws IOException {
    HttpServer provider = standIn();
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      AgentJvm.Result result = setUp.apply(new AgentJvm(jdk, ContentCaptureProgram.class)
          .exportingTo(receiver)).run(String.valueOf(provider.getAddress().getPort()));
      List<ReceivedSpan> spans = receiver.awaitSpans(ReceivedSpan::isAitaps, 3, WAIT);
      assertEquals(3, spans.size(), result::output);
      assertTrue(receiver.awaitHistogram(MetricChecks.DURATION, 3, WAIT).recordings() >= 3, result::output);
      assertTrue(receiver.rejected().isEmpty(), () -> "exports: " + receiver.rejected());
      return new Run(receiver, result, spans);
    } finally {
      provider.stop(0);
    }
  }

  private static HttpServer standIn() throws IOException {
    HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext("/v1/chat/completions", ContentCaptureSmokeTest::openAi);
    provider.createContext("/v1/messages", ContentCaptureSmokeTest::anthropic);
    provider.start();
    return provider;
  }

  private static void openAi(HttpExchange exchange) throws IOException {
    byte[] head = exchange.getRequestBody().readNBytes(256);
    long rest = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
    if (rest > 0) {
      hugeAnswer(exchange);
      return;
    }
    String request = new String(head, StandardCharsets.UTF_8);
    if (request.contains("\"stream\":true")) {
      answer(exchange, "text/event-stream",
          "data: {\"id\":\"c1\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"ANSWER\"}}]}\n\n"
              + "data: {\"id\":\"c1\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
              + ANSWER_MARKER.substring("ANSWER".length()) + " from the stand-in\"}}]}\n\n"
              + "data: {\"id\":\"c1\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
              + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5}}\n\n"
              + "data: [DONE]\n\n");
    } else {
      answer(exchange, "application/json", "{\"id\":\"c0\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + ANSWER_MARKER
          + " from the stand-in\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5}}");
    }
  }

  /** A streamed answer of {@link ContentCaptureProgram#HUGE_BYTES}, in deltas of about 40 KB. */
  private static void hugeAnswer(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    byte[] first = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\""
        + ANSWER_MARKER + " \"}}]}\n\n").getBytes(StandardCharsets.US_ASCII);
    byte[] delta = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + ContentCaptureProgram.HUGE_WORDS.repeat(1024) + "\"}}]}\n\n").getBytes(StandardCharsets.US_ASCII);
    byte[] last = ("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n").getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(first);
      for (long written = 0; written < ContentCaptureProgram.HUGE_BYTES; written += delta.length) {
        out.write(delta);
      }
      out.write(last);
    }
  }

  private static void anthropic(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    answer(exchange, "text/event-stream",
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-sonnet-4\",\"content\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ANSWER\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
            + ANSWER_MARKER.substring("ANSWER".length()) + " from the stand-in\"}}\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":5}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
  }

  private static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
