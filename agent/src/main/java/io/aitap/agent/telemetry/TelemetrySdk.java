package io.aitap.agent.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The OpenTelemetry SDK, configured the standard way ({@code OTEL_*} / {@code otel.*}) with the
 * OpenTelemetry Java agent's defaults where they differ from the SDK's: OTLP speaks
 * {@code http/protobuf} (to {@code :4318}) unless told otherwise, and the Prometheus scrape endpoint
 * listens on every address so a Prometheus in another container or pod can reach it, and each JVM
 * has a {@code service.instance.id} of its own. aitap also emits no logs. It never becomes the global OpenTelemetry, and it is shut down by aitap's own
 * hook, after the calls that ended before it started have been handed to it.
 */
public final class TelemetrySdk {

  static final AttributeKey<String> SERVICE_INSTANCE_ID = AttributeKey.stringKey("service.instance.id");

  private TelemetrySdk() {}

  public static OpenTelemetrySdk start() {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(TelemetrySdk::defaults)
        .addResourceCustomizer(TelemetrySdk::withInstanceId)
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.logs.exporter", "none");
    // a supplier's values yield to any OTEL_* / otel.* the user sets, per-signal ones included
    defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
    defaults.put("otel.exporter.prometheus.host", "0.0.0.0");
    return defaults;
  }

  /**
   * A random {@code service.instance.id} unless the configuration names one, as the OpenTelemetry
   * Java agent gives: collectors and Prometheus make it the {@code instance} label, which keeps
   * the series of two replicas of a service apart (without it they would overwrite each other).
   */
  static Resource withInstanceId(Resource resource, ConfigProperties config) {
    if (resource.getAttribute(SERVICE_INSTANCE_ID) != null) {
      return resource;
    }
    return resource.merge(Resource.create(Attributes.of(SERVICE_INSTANCE_ID, UUID.randomUUID().toString())));
  }

  /** The exporters in use, for the startup line. */
  public static String describeExporters() {
    return "traces=" + setting("otel.traces.exporter", "otlp")
        + " metrics=" + setting("otel.metrics.exporter", "otlp");
  }

  private static String setting(String property, String defaultValue) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    }
    return value == null ? defaultValue : value;
  }
}
