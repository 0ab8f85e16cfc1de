package io.aitap.agent.telemetry;

import io.aitap.agent.config.AitapConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
  private static final String HTTP_PROTOBUF = "http/protobuf";
  private static final Map<String, String> DEFAULTS = defaults();

  private TelemetrySdk() {}

  static OpenTelemetrySdk start(CollectorAnswers answers) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> DEFAULTS)
        .addResourceCustomizer(TelemetrySdk::withInstanceId)
        .addSpanExporterCustomizer((exporter, config) -> answers.watch(exporter))
        .addMetricExporterCustomizer((exporter, config) -> answers.watch(exporter))
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.logs.exporter", "none");
    // a supplier's values yield to any OTEL_* / otel.* the user sets, per-signal ones included
    defaults.put("otel.exporter.otlp.protocol", HTTP_PROTOBUF);
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

  /**
   * The exporters in use and where they send or listen, read as the SDK reads the settings, for
   * the startup line: {@code traces to otlp http/protobuf http://localhost:4318/v1/traces, metrics
   * to prometheus on 0.0.0.0:9464}.
   */
  public static String describeExporters() {
    return "traces to " + describe("traces") + ", metrics to " + describe("metrics");
  }

  private static String describe(String signal) {
    List<String> described = new ArrayList<>();
    for (String exporter : setting("otel." + signal + ".exporter", "otlp").split(",")) {
      String name = exporter.trim();
      if (name.equals("otlp")) {
        described.add("otlp " + otlpProtocol(signal) + " " + otlpEndpoint(signal));
      } else if (name.equals("prometheus")) {
        described.add("prometheus on " + setting("otel.exporter.prometheus.host", null)
            + ":" + setting("otel.exporter.prometheus.port", "9464"));
      } else if (!name.isEmpty()) {
        described.add(name);
      }
    }
    return String.join(" and ", described);
  }

  private static String otlpProtocol(String signal) {
    return setting("otel.exporter.otlp." + signal + ".protocol", setting("otel.exporter.otlp.protocol", null));
  }

  /** As the SDK resolves it: a per-signal endpoint is used as is, the general one gains the signal's path over HTTP. */
  private static String otlpEndpoint(String signal) {
    String endpoint = setting("otel.exporter.otlp." + signal + ".endpoint", null);
    if (endpoint != null) {
      return endpoint;
    }
    boolean http = otlpProtocol(signal).equals(HTTP_PROTOBUF);
    endpoint = setting("otel.exporter.otlp.endpoint", http ? "http://localhost:4318" : "http://localhost:4317");
    if (!http) {
      return endpoint;
    }
    return (endpoint.endsWith("/") ? endpoint : endpoint + "/") + "v1/" + signal;
  }

  /** The user's setting, else aitap's default, else {@code defaultValue}. */
  private static String setting(String property, String defaultValue) {
    String value = AitapConfig.fromSystem().get(property);
    return value != null ? value : DEFAULTS.getOrDefault(property, defaultValue);
  }
}
