package io.aitap.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.attribution.Attribution;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ResponseHead;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Attribution on the span and every per-call instrument, the end-user id hashed on the span alone. */
class AttributionTelemetryTest {

  private static final AttributeKey<String> TEAM = AttributeKey.stringKey("aitap.attribution.team");
  private static final AttributeKey<String> FEATURE = AttributeKey.stringKey("aitap.attribution.feature");
  private static final AttributeKey<String> USER_HASH = AttributeKey.stringKey("user.hash");

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final GenAiTelemetry telemetry = new GenAiTelemetry("test",
      CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of())));

  AttributionTelemetryTest() {
    telemetry.start(
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build());
  }

  @Test
  void spansCarryEveryValueAndTheUserHashMetricsTheAllowListedKeys() {
    Properties properties = new Properties();
    properties.setProperty("aitap.attribution.baggage", "team");
    properties.setProperty("aitap.attribution.headers", "X-Feature");
    properties.setProperty("aitap.attribution.metric-keys", "team");
    properties.setProperty("aitap.attribution.user-id-key", "key");
    Attribution attribution = Attribution.fromConfig(new AitapConfig(properties, Map.of()));
    AiCall call = new AiCall(new AiEndpoint("openai", new RecordingProtocol(), "api.openai.com", 443, null),
        telemetry, attribution);
    call.requestHeaders(name -> name.equals("baggage") ? "team=search" : null);
    call.requestHeaders(name -> name.equals("baggage") ? "team=payments" : name.equals("X-Feature") ? "refunds" : null);
    call.request().endUserId = "The quick brown fox jumps over the lazy dog";
    call.responseHead(new ResponseHead(200, name -> null));
    call.response().inputTokens = 10L;
    call.response().outputTokens = 2L;
    call.responseComplete();

    SpanData span = spans.getFinishedSpanItems().get(0);
    assertEquals("payments", span.getAttributes().get(TEAM));
    assertEquals("refunds", span.getAttributes().get(FEATURE));
    assertEquals("f7bc83f430538424b13298e6aa6fb143", span.getAttributes().get(USER_HASH));
    assertFalse(span.getAttributes().toString().contains("quick brown"), span.getAttributes().toString());

    Collection<MetricData> exported = metrics.collectAllMetrics();
    int perCall = 0;
    for (MetricData metric : exported) {
      for (PointData point : metric.getData().getPoints()) {
        Attributes attributes = point.getAttributes();
        assertFalse(attributes.toString().contains("quick brown"), metric.getName());
        assertEquals(null, attributes.get(FEATURE), metric.getName());
        assertEquals(null, attributes.get(USER_HASH), metric.getName());
        if (attributes.get(AttributeKey.stringKey("gen_ai.provider.name")) != null) {
          assertEquals("payments", attributes.get(TEAM), metric.getName());
          perCall++;
        }
      }
    }
    // the duration and the two token usage points
    assertTrue(perCall >= 3, exported.toString());
  }
}
