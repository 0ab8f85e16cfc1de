package io.aitap.agent.slo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The calls an SLO covers: each field that is set must match exactly; an unset one matches any call. */
public final class SloSelector {

  private final Map<String, String> labels;
  private final String service;
  private final String provider;
  private final String model;
  private final String operation;

  SloSelector(String service, String provider, String model, String operation) {
    this.service = service;
    this.provider = provider;
    this.model = model;
    this.operation = operation;
    Map<String, String> labels = new LinkedHashMap<>();
    // the service is the job label: the collector's prometheus exporter puts service.name there
    putIfSet(labels, "job", service);
    putIfSet(labels, "gen_ai_provider_name", provider);
    putIfSet(labels, "gen_ai_request_model", model);
    putIfSet(labels, "gen_ai_operation_name", operation);
    this.labels = Collections.unmodifiableMap(labels);
  }

  /** The Prometheus labels the set fields become, in a fixed order. */
  Map<String, String> labels() {
    return labels;
  }

  public boolean matches(String service, String provider, String model, String operation) {
    return matches(this.service, service) && matches(this.provider, provider) && matches(this.model, model)
        && matches(this.operation, operation);
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
