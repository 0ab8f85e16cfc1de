package io.aitap.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GenAiTelemetryTest {

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private static final CostCalculator COSTS =
      CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of()));

  private final GenAiTelemetry telemetry = new GenAiTelemetry("test", COSTS);

  GenAiTelemetryTest() {
    telemetry.start(
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build());
  }

  private AiCall call(String traceparent) {
    AiCall call = new AiCall(new AiEndpoint("openai", new RecordingProtocol(), "api.openai.com", 443, null), telemetry);
    call.requestHeaders(name -> name.equals("traceparent") ? traceparent : null);
    return call;
  }

  private static void answer(AiCall call, int status) {
    call.requestBody("gpt-4o".getBytes(StandardCharsets.UTF_8), 0, 6);
    call.responseHead(new ResponseHead(status, name -> null));
  }

  @Test
  void aCompletedCallBecomesOneClientSpanWithTheConventionsAttributes() {
    AiCall call = call(null);
    answer(call, 200);
    ResponseFacts response = call.response();
    response.model = "gpt-4o-2024-08-06";
    response.id = "chatcmpl-1";
    response.addFinishReason("stop");
    response.inputTokens = 120L;
    response.outputTokens = 30L;
    response.cacheReadInputTokens = 100L;
    response.reasoningOutputTokens = 10L;
    call.responseComplete();

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertEquals(1, spans.getFinishedSpanItems().size());
    assertEquals("chat model-from-gpt-4o", span.getName());
    assertEquals(SpanKind.CLIENT, span.getKind());
    Attributes attributes = span.getAttributes();
    assertEquals("chat", attributes.get(AttributeKey.stringKey("gen_ai.operation.name")));
    assertEquals("openai", attributes.get(AttributeKey.stringKey("gen_ai.provider.name")));
    assertEquals("gpt-4o-2024-08-06", attributes.get(AttributeKey.stringKey("gen_ai.response.model")));
    assertEquals("chatcmpl-1", attributes.get(AttributeKey.stringKey("gen_ai.response.id")));
    assertEquals(List.of("stop"), attributes.get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")));
    assertEquals(120L, attributes.get(AttributeKey.longKey("gen_ai.usage.input_tokens")));
    assertEquals(30L, attributes.get(AttributeKey.longKey("gen_ai.usage.output_tokens")));
    assertEquals(100L, attributes.get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens")));
    assertEquals(10L, attributes.get(AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens")));
    assertNull(attributes.get(AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens")));
    assertEquals("api.openai.com", attributes.get(AttributeKey.stringKey("server.address")));
    assertEquals(443L, attributes.get(AttributeKey.longKey("server.port")));
    assertEquals(false, attributes.get(AttributeKey.booleanKey("gen_ai.request.stream")));
    assertNull(attributes.get(AttributeKey.stringKey("error.type")));
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    assertEquals(call.durationNanos(), span.getEndEpochNanos() - span.getStartEpochNanos());

    Map<String, Long> tokens = tokenSums();
    assertEquals(Map.of("input", 120L, "output", 30L), tokens);
    MetricData duration = metric("gen_ai.client.operation.duration");
    assertEquals("s", duration.getUnit());
    HistogramPointData point = duration.getHistogramData().getPoints().iterator().next();
    assertEquals(HistogramBuckets.DURATION_SECONDS, point.getBoundaries());
    assertEquals("gpt-4o-2024-08-06", point.getAttributes().get(AttributeKey.stringKey("gen_ai.response.model")));
    assertNull(point.getAttributes().get(AttributeKey.stringKey("gen_ai.response.id")), "ids would explode cardinality");
  }

  @Test
  void pricedCallsCostTheirTokensAndUnpricedOnesAreCountedNotZero() {
    AiCall priced = call(null);
    answer(priced, 200);
    priced.response().model = "gpt-4o-mini-2024-07-18";
    priced.response().inputTokens = 1_000_000L;
    priced.response().cacheReadInputTokens = 400_000L;
    priced.response().outputTokens = 100_000L;
    priced.responseComplete();
    AiCall unpriced = call(null);
    answer(unpriced, 200);
    unpriced.response().model = "in-house-model-7";
    unpriced.response().inputTokens = 10L;
    unpriced.response().outputTokens = 1L;
    unpriced.responseComplete();
    AiCall reported = call(null);
    answer(reported, 200);
    reported.response().model = "anthropic/claude-sonnet-4";
    reported.response().inputTokens = 10L;
    reported.response().outputTokens = 1L;
    reported.response().reportedCostUsd = 0.0123;
    reported.responseComplete();

    // 600k uncached at 0.15, 400k cached at 0.075, 100k output at 0.60, per million
    double expected = 0.6 * 0.15 + 0.4 * 0.075 + 0.1 * 0.60;
    assertEquals(expected, spans.getFinishedSpanItems().get(0).getAttributes().get(AttributeKey.doubleKey("gen_ai.usage.cost")), 1e-12);
    assertNull(spans.getFinishedSpanItems().get(1).getAttributes().get(AttributeKey.doubleKey("gen_ai.usage.cost")));
    assertEquals(0.0123, spans.getFinishedSpanItems().get(2).getAttributes().get(AttributeKey.doubleKey("gen_ai.usage.cost")));
    MetricData cost = metric("gen_ai.usage.cost");
    assertEquals("USD", cost.getUnit());
    assertEquals(expected + 0.0123, cost.getHistogramData().getPoints().stream().mapToDouble(HistogramPointData::getSum).sum(), 1e-12);
    assertEquals(2, cost.getHistogramData().getPoints().stream().mapToLong(HistogramPointData::getCount).sum());
    assertEquals("in-house-model-7", metric("aitap.cost.unpriced_calls").getLongSumData().getPoints().iterator().next()
        .getAttributes().get(AttributeKey.stringKey("gen_ai.response.model")));
  }

  @Test
  void theProvidersErrorCodeIsTheErrorType() {
    AiCall call = call(null);
    answer(call, 429);
    call.response().errorType = "requests";
    call.response().errorCode = "rate_limit_exceeded";
    call.responseComplete();

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertEquals("rate_limit_exceeded", span.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertTrue(tokenSums().isEmpty());
    assertTrue(metricNames().stream().noneMatch(name -> name.equals("aitap.usage.missing_calls")),
        "a failed call is not counted as one without usage");
  }

  @Test
  void throttledCallsCarryTheirCategoryRetryAfterAndHeadRoom() {
    AiCall call = call(null);
    call.requestBody("gpt-4o".getBytes(StandardCharsets.UTF_8), 0, 6);
    Map<String, String> headers = Map.of(
        "retry-after", "2",
        "x-ratelimit-remaining-requests", "0",
        "x-ratelimit-limit-requests", "500",
        "x-ratelimit-remaining-tokens", "1200",
        "x-ratelimit-limit-tokens", "30000");
    call.responseHead(new ResponseHead(429, headers::get));
    call.response().errorCode = "rate_limit_exceeded";
    call.responseComplete();

    Attributes span = spans.getFinishedSpanItems().get(0).getAttributes();
    assertEquals("rate_limited", span.get(AttributeKey.stringKey("aitap.error.category")));
    assertEquals(2.0, span.get(AttributeKey.doubleKey("aitap.response.retry_after")));
    Map<String, Long> remaining = gauge("aitap.ratelimit.remaining");
    assertEquals(Map.of("requests", 0L, "tokens", 1200L), remaining);
    assertEquals(Map.of("requests", 500L, "tokens", 30000L), gauge("aitap.ratelimit.limit"));
    HistogramPointData point = metric("gen_ai.client.operation.duration").getHistogramData().getPoints().iterator().next();
    assertEquals("rate_limited", point.getAttributes().get(AttributeKey.stringKey("aitap.error.category")));
  }

  @Test
  void withoutABodyTheStatusIsTheErrorTypeAndWithoutAResponseTheException() {
    AiCall unread = call(null);
    answer(unread, 503);
    unread.abandoned();
    AiCall refused = call(null);
    refused.failed(new ConnectException("refused"));

    assertEquals("503", spans.getFinishedSpanItems().get(0).getAttributes().get(AttributeKey.stringKey("error.type")));
    assertEquals("java.net.ConnectException",
        spans.getFinishedSpanItems().get(1).getAttributes().get(AttributeKey.stringKey("error.type")));
  }

  @Test
  void anAbandonedSuccessIsNoErrorButSaysSo() {
    AiCall call = call(null);
    answer(call, 200);
    call.abandoned();

    Attributes attributes = spans.getFinishedSpanItems().get(0).getAttributes();
    assertNull(attributes.get(AttributeKey.stringKey("error.type")));
    assertEquals("abandoned", attributes.get(AttributeKey.stringKey("aitap.call.end")));
  }

  @Test
  void aCallWithoutUsageRecordsNoTokensButIsCounted() {
    AiCall call = call(null);
    answer(call, 200);
    call.responseComplete();

    assertTrue(tokenSums().isEmpty(), "unknown usage is not zero usage");
    assertFalse(spans.getFinishedSpanItems().get(0).getAttributes().asMap().keySet().stream()
        .anyMatch(key -> key.getKey().startsWith("gen_ai.usage.")));
    assertEquals(1L, metric("aitap.usage.missing_calls").getLongSumData().getPoints().iterator().next().getValue());
  }

  @Test
  void anInjectedTraceparentMakesTheSpanItsChild() {
    AiCall call = call("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    answer(call, 200);
    call.responseComplete();

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertEquals("0af7651916cd43dd8448eb211c80319c", span.getTraceId());
    assertEquals("b7ad6b7169203331", span.getParentSpanId());
  }

  @Test
  void callsEndedBeforeTheSdkStartedAreEmittedWhenItDoes() throws IOException {
    GenAiTelemetry late = new GenAiTelemetry("test", COSTS);
    AiCall early = new AiCall(new AiEndpoint("openai", new RecordingProtocol(), "h", 443, null), late);
    early.failed(new IOException("early"));
    assertTrue(spans.getFinishedSpanItems().isEmpty());

    late.start(OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build());
    assertEquals(1, spans.getFinishedSpanItems().size());
  }

  private Map<String, Long> tokenSums() {
    return metrics.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals("gen_ai.client.token.usage"))
        .flatMap(metric -> metric.getHistogramData().getPoints().stream())
        .collect(Collectors.toMap(
            point -> point.getAttributes().get(AttributeKey.stringKey("gen_ai.token.type")),
            point -> (long) point.getSum()));
  }

  private Map<String, Long> gauge(String name) {
    return metric(name).getLongGaugeData().getPoints().stream()
        .collect(Collectors.toMap(
            point -> point.getAttributes().get(AttributeKey.stringKey("aitap.ratelimit.kind")),
            point -> point.getValue()));
  }

  private MetricData metric(String name) {
    return metrics.collectAllMetrics().stream().filter(metric -> metric.getName().equals(name)).findFirst().orElseThrow();
  }

  private Collection<String> metricNames() {
    return metrics.collectAllMetrics().stream().map(MetricData::getName).collect(Collectors.toList());
  }
}
