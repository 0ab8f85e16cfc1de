package io.aitap.agent.attribution;

import io.aitap.agent.protocol.RequestHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribution of one call. Read when the call starts and again as the request goes on the
 * wire, where an interceptor or a tracing agent may have added baggage: what the wire shows wins.
 */
public final class CallAttribution {

  private final Attribution attribution;
  private volatile Map<String, String> values = Collections.emptyMap();
  private volatile MetricLabels labels;

  CallAttribution(Attribution attribution) {
    this.attribution = attribution;
  }

  /** Takes the attribution {@code headers} carry, unless they carry none. */
  public void read(RequestHeaders headers) {
    Map<String, String> found = attribution.read(headers);
    if (!found.isEmpty()) {
      values = Collections.unmodifiableMap(found);
    }
  }

  /** Every value found, by attribution key: for spans, where values need no cap. */
  public Map<String, String> values() {
    return values;
  }

  /** The keyed hash of the end-user id the request body named, or null. */
  public String userHash(String endUserId) {
    return attribution.userHash(endUserId);
  }

  /**
   * The metric labels: the allow-listed keys only, over the cap folded into {@code other}. Decided
   * once, when first asked (by then the request is on the wire), so that all of a call's data
   * points agree and it is counted as folded once.
   */
  MetricLabels metricLabels() {
    MetricLabels decided = labels;
    if (decided == null) {
      synchronized (this) {
        decided = labels;
        if (decided == null) {
          decided = decideLabels();
          labels = decided;
        }
      }
    }
    return decided;
  }

  private MetricLabels decideLabels() {
    if (attribution.settings.metricKeys.isEmpty()) {
      return MetricLabels.NONE;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    List<String> folded = new ArrayList<>();
    for (String key : attribution.settings.metricKeys) {
      String value = values.get(key);
      if (value == null) {
        continue;
      }
      String label = attribution.cap.label(key, value);
      if (ValueCap.OTHER.equals(label) && !ValueCap.OTHER.equals(value)) {
        folded.add(key);
      }
      labels.put(key, label);
    }
    return new MetricLabels(labels, folded);
  }

  static final class MetricLabels {
    static final MetricLabels NONE = new MetricLabels(Collections.emptyMap(), Collections.emptyList());

    final Map<String, String> labels;
    final List<String> foldedKeys;

    MetricLabels(Map<String, String> labels, List<String> foldedKeys) {
      this.labels = labels;
      this.foldedKeys = foldedKeys;
    }
  }
}
