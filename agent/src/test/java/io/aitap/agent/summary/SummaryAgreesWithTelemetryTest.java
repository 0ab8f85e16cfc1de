package io.aitap.agent.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallSinks;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.Fixtures;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.slo.SloParser;
import io.aitap.agent.telemetry.GenAiTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The exit summary and telemetry read one outcome per call: for every provider fixture, and for
 * calls cancelled, refused by HTTP status, failed in transport, truncated and abandoned, the
 * summary's errors, tokens, cost and SLO verdicts say what the span and the metrics say.
 */
class SummaryAgreesWithTelemetryTest {

  private static final CostCalculator COSTS = CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of()));
  private static final List<String> CATEGORIES = List.of("quota_exceeded", "rate_limited", "overloaded",
      "context_length", "content_filter", "auth", "timeout", "invalid_request", "server_error", "connection",
      "cancelled", "other");
  /** One summary row: provider, model, calls, errors, four latencies, tokens in and out, cost. */
  private static final Pattern ROW = Pattern.compile(
      "(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+([\\d.]+)%\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\d+)\\s+(\\d+)\\s+(no price|[\\d.]+)");

  private final EndpointClassifier classifier = new EndpointClassifier(List.of(), true);

  @TestFactory
  Stream<DynamicTest> everyFixtureIsTheSameCallInTheSummaryAndInTelemetry() {
    List<JsonNode> fixtures = new ArrayList<>(
        Fixtures.expected(entry -> !entry.get("content_type").asText().startsWith("(")));
    fixtures.addAll(Fixtures.expected(Fixtures.OWN, entry -> true));
    assertEquals(50, fixtures.size(), "wire-format fixtures, reference and own");
    return fixtures.stream().map(expected -> DynamicTest.dynamicTest(expected.get("file").asText(), () -> {
      String[] host = expected.get("host").asText().split(":");
      AiEndpoint endpoint = classifier.classify(
          "https", host[0], host.length > 1 ? Integer.parseInt(host[1]) : 443, Fixtures.path(expected));
      assertNotNull(endpoint, "recognised");
      byte[] body = Fixtures.body(expected);
      String category = replay(endpoint, call -> {
        call.responseHead(Fixtures.head(expected));
        call.responseBody(body, 0, body.length);
        call.responseComplete();
      });
      assertEquals(expected.get("status").asInt() >= 400 || expected.path("failed_in_body").asBoolean(),
          category != null, "failed as the fixture says");
    }));
  }

  @TestFactory
  Stream<DynamicTest> callsThatEndBadlyAreTheSameCallInTheSummaryAndInTelemetry() {
    byte[] stream = Fixtures.body(Fixtures.expected(entry -> entry.get("file").asText().equals("openai-chat-stream.sse")).get(0));
    ResponseHead events = new ResponseHead(200, name -> name.equals("content-type") ? "text/event-stream" : null);
    AiEndpoint openAi = classifier.classify("https", "api.openai.com", 443, "/v1/chat/completions");
    return Stream.of(
        DynamicTest.dynamicTest("cancelled mid-stream", () -> {
          String category = replay(openAi, call -> {
            call.responseHead(events);
            call.responseBody(stream, 0, stream.length / 2);
            call.cancelled();
          });
          assertEquals("cancelled", category, "a cancelled call is an error in both");
        }),
        DynamicTest.dynamicTest("HTTP 503 without a body", () -> {
          String category = replay(openAi, call -> {
            call.responseHead(new ResponseHead(503, name -> null));
            call.responseComplete();
          });
          assertEquals("overloaded", category);
        }),
        DynamicTest.dynamicTest("connection refused", () -> {
          String category = replay(openAi, call -> call.failed(new ConnectException("Connection refused")));
          assertEquals("connection", category);
        }),
        DynamicTest.dynamicTest("stream cut off by the server", () -> {
          String category = replay(openAi, call -> {
            call.responseHead(events);
            call.responseBody(stream, 0, stream.length / 2);
            call.failed(new EOFException("unexpected end of stream"));
          });
          assertNotNull(category, "a stream that breaks off is an error in both");
        }),
        DynamicTest.dynamicTest("stream truncated, then closed as if complete", () -> {
          String category = replay(openAi, call -> {
            call.responseHead(events);
            call.responseBody(stream, 0, stream.length / 2);
            call.responseComplete();
          });
          assertNull(category, "nothing said it failed");
        }),
        DynamicTest.dynamicTest("abandoned mid-stream", () -> {
          String category = replay(openAi, call -> {
            call.responseHead(events);
            call.responseBody(stream, 0, stream.length / 2);
            call.abandoned();
          });
          assertNull(category, "the application stopped reading: not a failure");
        }));
  }

  /** Replays one exchange through both, checks that they agree, and returns its error category: null if it did not fail. */
  private static String replay(AiEndpoint endpoint, Consumer<AiCall> exchange) {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    GenAiTelemetry telemetry = new GenAiTelemetry("test", COSTS);
    telemetry.start(OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build());
    TerminalSummary summary = new TerminalSummary(COSTS, SloParser.parse(CATEGORIES.stream()
        .map(category -> "  - name: " + category + "\n    availability: {objective: 50, failures: [" + category + "]}\n")
        .collect(Collectors.joining("", "slos:\n", ""))), "service");
    exchange.accept(new AiCall(endpoint, CallSinks.of(telemetry, summary)));

    assertEquals(1, spans.getFinishedSpanItems().size());
    SpanData span = spans.getFinishedSpanItems().get(0);
    Attributes attributes = span.getAttributes();
    String errorType = attributes.get(AttributeKey.stringKey("error.type"));
    String category = attributes.get(AttributeKey.stringKey("aitap.error.category"));
    Double cost = attributes.get(AttributeKey.doubleKey("gen_ai.usage.cost"));
    long inputTokens = orZero(attributes.get(AttributeKey.longKey("gen_ai.usage.input_tokens")));
    long outputTokens = orZero(attributes.get(AttributeKey.longKey("gen_ai.usage.output_tokens")));
    Collection<MetricData> metricData = metrics.collectAllMetrics();
    boolean failed = errorType != null;
    assertEquals(failed, span.getStatus().getStatusCode() == StatusCode.ERROR, "span status and error.type");
    assertEquals(failed, category != null, "error.type and aitap.error.category");
    assertEquals(inputTokens, tokenSum(metricData, "input"), "input tokens, span and metric");
    assertEquals(outputTokens, tokenSum(metricData, "output"), "output tokens, span and metric");
    assertEquals(cost == null ? 0.0 : cost, costSum(metricData), 1e-12, "cost, span and metric");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    summary.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    Matcher row = printed.lines().map(ROW::matcher).filter(Matcher::matches).findFirst()
        .orElseThrow(() -> new AssertionError("no row in\n" + printed));
    assertEquals(endpoint.providerName(), row.group(1), printed);
    assertEquals("1", row.group(3), printed);
    assertEquals(failed ? "100.0" : "0.0", row.group(4), "errors, " + errorType + "\n" + printed);
    assertEquals(Long.toString(inputTokens), row.group(5), "tokens in\n" + printed);
    assertEquals(Long.toString(outputTokens), row.group(6), "tokens out\n" + printed);
    boolean unpriced = counted(metricData, "aitap.cost.unpriced_calls");
    String expectedCost = unpriced ? "no price" : String.format(Locale.ROOT, "%.6f", cost == null ? 0.0 : cost);
    assertEquals(expectedCost, row.group(7), "cost\n" + printed);
    for (String each : CATEGORIES) {
      boolean bad = each.equals(category);
      assertTrue(printed.matches("(?s).*\\n  " + each + " [^\\n]*" + (bad ? "  0\\.00% good of 1" : "100\\.00% good of 1") + ".*"),
          "SLO line of " + each + " with aitap.error.category " + category + "\n" + printed);
    }
    return category;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static long tokenSum(Collection<MetricData> metrics, String type) {
    return metrics.stream().filter(m -> m.getName().equals("gen_ai.client.token.usage"))
        .flatMap(m -> m.getHistogramData().getPoints().stream())
        .filter(p -> type.equals(p.getAttributes().get(AttributeKey.stringKey("gen_ai.token.type"))))
        .mapToLong(p -> (long) p.getSum()).sum();
  }

  private static double costSum(Collection<MetricData> metrics) {
    return metrics.stream().filter(m -> m.getName().equals("gen_ai.usage.cost"))
        .flatMap(m -> m.getHistogramData().getPoints().stream()).mapToDouble(p -> p.getSum()).sum();
  }

  private static boolean counted(Collection<MetricData> metrics, String name) {
    return metrics.stream().filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getLongSumData().getPoints().stream()).mapToLong(p -> p.getValue()).sum() > 0;
  }
}
