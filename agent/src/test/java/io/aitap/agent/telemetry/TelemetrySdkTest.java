package io.aitap.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK as aitap configures it: a {@code service.instance.id} per JVM, and the startup line's
 * account of the exporters, read as the SDK reads its settings (system properties here).
 */
class TelemetrySdkTest {

  private final Properties saved = (Properties) System.getProperties().clone();

  @AfterEach
  void restore() {
    System.setProperties(saved);
  }

  @Test
  void byDefaultOtlpSpeaksHttpProtobufToPort4318() {
    assertEquals("traces to otlp http/protobuf http://localhost:4318/v1/traces,"
        + " metrics to otlp http/protobuf http://localhost:4318/v1/metrics", describe(Map.of()));
  }

  @Test
  void grpcWhenAskedGoesToPort4317() {
    assertEquals("traces to otlp grpc http://localhost:4317, metrics to otlp grpc http://localhost:4317",
        describe(Map.of("otel.exporter.otlp.protocol", "grpc")));
  }

  @Test
  void perSignalSettingsComeFirst() {
    assertEquals("traces to otlp grpc http://collector:4317,"
            + " metrics to otlp http/protobuf http://collector:4318/v1/metrics",
        describe(Map.of(
            "otel.exporter.otlp.traces.protocol", "grpc",
            "otel.exporter.otlp.traces.endpoint", "http://collector:4317",
            "otel.exporter.otlp.endpoint", "http://collector:4318/")));
  }

  @Test
  void prometheusListensOnEveryAddressUnlessAHostIsSet() {
    assertEquals("traces to none, metrics to prometheus on 0.0.0.0:9464",
        describe(Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "prometheus")));
    assertEquals("traces to console and logging-otlp, metrics to prometheus on 127.0.0.1:9500",
        describe(Map.of("otel.traces.exporter", "console, logging-otlp", "otel.metrics.exporter", "prometheus",
            "otel.exporter.prometheus.host", "127.0.0.1", "otel.exporter.prometheus.port", "9500")));
  }

  private static String describe(Map<String, String> properties) {
    properties.forEach(System::setProperty);
    return TelemetrySdk.describeExporters();
  }


  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  @Test
  void eachJvmGetsAnInstanceIdOfItsOwn() {
    Resource service = Resource.create(Attributes.of(SERVICE_NAME, "checkout"));
    Resource one = TelemetrySdk.withInstanceId(service, DefaultConfigProperties.createFromMap(Map.of()));
    Resource other = TelemetrySdk.withInstanceId(service, DefaultConfigProperties.createFromMap(Map.of()));
    assertEquals("checkout", one.getAttribute(SERVICE_NAME));
    UUID.fromString(one.getAttribute(TelemetrySdk.SERVICE_INSTANCE_ID));
    assertNotEquals(one.getAttribute(TelemetrySdk.SERVICE_INSTANCE_ID), other.getAttribute(TelemetrySdk.SERVICE_INSTANCE_ID));
  }

  @Test
  void aConfiguredInstanceIdStays() {
    Resource configured = Resource.create(Attributes.of(SERVICE_NAME, "checkout", TelemetrySdk.SERVICE_INSTANCE_ID, "checkout-7"));
    assertEquals(configured, TelemetrySdk.withInstanceId(configured, DefaultConfigProperties.createFromMap(Map.of())));
  }
}
