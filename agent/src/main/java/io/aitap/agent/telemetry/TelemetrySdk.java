package io.aitap.agent.telemetry;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;

/**
 * The OpenTelemetry SDK, configured the standard way ({@code OTEL_*} / {@code otel.*}) with the
 * OpenTelemetry Java agent's defaults where they differ from the SDK's: OTLP speaks
 * {@code http/protobuf} (to {@code :4318}) unless told otherwise, and the Prometheus scrape endpoint
 * listens on every address so a Prometheus in another container or pod can reach it. aitap also
 * emits no logs. It never becomes the global OpenTelemetry, and it is shut down by aitap's own
 * hook, after the calls that ended before it started have been handed to it.
 */
public final class TelemetrySdk {

  private TelemetrySdk() {}

  public static OpenTelemetrySdk start() {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(TelemetrySdk::defaults)
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
