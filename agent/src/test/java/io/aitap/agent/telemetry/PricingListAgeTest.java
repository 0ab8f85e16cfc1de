package io.aitap.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The price list's age is a gauge in days, so an alert can fire before its prices go stale. */
class PricingListAgeTest {

  private static final CostCalculator COSTS = CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of()));

  @Test
  void reportsTheListsAgeInDaysWithTheListItIs() {
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    new GenAiTelemetry("test", COSTS).start(
        OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build()).build());

    MetricData age = metrics.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals("aitap.pricing.list_age")).findFirst().orElseThrow();
    DoublePointData point = age.getDoubleGaugeData().getPoints().iterator().next();

    assertEquals("d", age.getUnit());
    assertEquals(COSTS.listAgeDays(Instant.now()), point.getValue(), 0.01);
    assertTrue(point.getValue() > 0);
    assertEquals(COSTS.listSource(), point.getAttributes().get(AttributeKey.stringKey("aitap.pricing.list")));
    assertTrue(COSTS.listSource().startsWith("genai-prices "), COSTS.listSource());
  }

  @Test
  void prometheusSeesItAsTheAlertExpectsIt() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    PrometheusHttpServer server = PrometheusHttpServer.builder().setHost("127.0.0.1").setPort(port).build();
    try {
      new GenAiTelemetry("test", COSTS).start(
          OpenTelemetrySdk.builder().setMeterProvider(SdkMeterProvider.builder().registerMetricReader(server).build()).build());
      URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
      String scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(scraped.contains("aitap_pricing_list_age_days{aitap_pricing_list=\"" + COSTS.listSource() + "\""), scraped);
    } finally {
      server.close();
    }
  }
}
