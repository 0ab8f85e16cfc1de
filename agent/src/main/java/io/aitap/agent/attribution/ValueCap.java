package io.aitap.agent.attribution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code maxValues} distinct values per key reach metric labels, the first ones seen; the
 * rest become {@link #OTHER}. Each distinct label value is a time series in every aitap instrument,
 * so this bounds what attribution adds to a metrics backend whatever the traffic.
 */
final class ValueCap {

  static final String OTHER = "other";

  private final int maxValues;
  private final Map<String, Set<String>> admitted = new ConcurrentHashMap<>();

  ValueCap(int maxValues) {
    this.maxValues = maxValues;
  }

  /** {@code value} when it is or may become one of the key's values, else {@link #OTHER}. */
  String label(String key, String value) {
    Set<String> values = admitted.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
    if (values.contains(value)) {
      return value;
    }
    synchronized (values) {
      if (values.contains(value) || values.size() < maxValues && values.add(value)) {
        return value;
      }
    }
    return OTHER;
  }
}
