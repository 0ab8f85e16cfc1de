package io.aitap.agent.slo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The calls an SLO covers: each field that is set must match exactly; an unset one matches any call. */
public final class SloSelector {

  private final Map<String, String> labels;
  private final String service;
  private final String provider;
  private final String model;
  private final String operation;
  /** Attribution key → value; the keys must be among {@code aitap.attribution.metric-keys} to be on the metrics. */
  private final Map<String, String> attribution;

  SloSelector(String service, String provider, String model, String operation) {
    this(service, provider, model, operation, Map.of());
  }

  SloSelector(String service, String provider, String model, String operation, Map<String, String> attribution) {
    this.service = service;
    this.provider = provider;
    this.model = model;
    this.operation = operation;
    this.attribution = Map.copyOf(attribution);
    Map<String, String> labels = new LinkedHashMap<>();
    // the service is the job label: the collector's prometheus exporter puts service.name there
    putIfSet(labels, "job", service);
    putIfSet(labels, "gen_ai_provider_name", provider);
    putIfSet(labels, "gen_ai_request_model", model);
    putIfSet(labels, "gen_ai_operation_name", operation);
    // the metric attribute aitap.attribution.<key>, as Prometheus names it
    new TreeMap<>(attribution).forEach((key, value) -> labels.put("aitap_attribution_" + key.replace('.', '_'), value));
    this.labels = Collections.unmodifiableMap(labels);
  }

  /** The Prometheus labels the set fields become, in a fixed order. */
  Map<String, String> labels() {
    return labels;
  }

  public boolean matches(String service, String provider, String model, String operation,
      Map<String, String> attribution) {
    return matches(this.service, service) && matches(this.provider, provider) && matches(this.model, model)
        && matches(this.operation, operation) && attribution.entrySet().containsAll(this.attribution.entrySet());
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || Objects.equals(wanted, actual);
  }

  private static void putIfSet(Map<String, String> labels, String name, String value) {
    if (value != null) {
      labels.put(name, value);
    }
  }
}
