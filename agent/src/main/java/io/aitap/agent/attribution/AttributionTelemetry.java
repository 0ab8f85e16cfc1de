package io.aitap.agent.attribution;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.SpanBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How attribution shows in telemetry: {@code aitap.attribution.<key>} on spans (every value) and on
 * metrics (allow-listed keys, capped); the end-user id as {@code user.hash}, on spans only; and the
 * count of calls whose value was folded into {@code other}.
 */
public final class AttributionTelemetry {

  static final String PREFIX = "aitap.attribution.";
  /** OpenTelemetry's attribute for a user id in anonymised form. */
  static final AttributeKey<String> USER_HASH = AttributeKey.stringKey("user.hash");
  static final AttributeKey<String> FOLDED_KEY = AttributeKey.stringKey("aitap.attribution.key");

  private static final Map<String, AttributeKey<String>> KEYS = new ConcurrentHashMap<>();

  private final LongCounter foldedCalls;

  public AttributionTelemetry(Meter meter) {
    foldedCalls =
        meter.counterBuilder("aitap.attribution.folded_calls")
            .setDescription("Calls whose attribution value was recorded on metrics as \"other\": the key had reached its cap of distinct values.")
            .setUnit("{call}")
            .build();
  }

  public static void putSpanAttributes(SpanBuilder span, CallAttribution call, String endUserId) {
    call.values().forEach((key, value) -> span.setAttribute(key(key), value));
    String hash = endUserId == null ? null : call.userHash(endUserId);
    if (hash != null) {
      span.setAttribute(USER_HASH, hash);
    }
  }

  /** The call's metric labels by attribution key: what {@link #putMetricLabels} puts. */
  public static Map<String, String> metricLabels(CallAttribution call) {
    return call.metricLabels().labels;
  }

  public static void putMetricLabels(AttributesBuilder attributes, CallAttribution call) {
    call.metricLabels().labels.forEach((key, value) -> attributes.put(key(key), value));
  }

  /** Counts a call whose value for a key was folded, once per call and key. */
  public void countFolded(CallAttribution call) {
    for (String key : call.metricLabels().foldedKeys) {
      foldedCalls.add(1, Attributes.of(FOLDED_KEY, key));
    }
  }

  static AttributeKey<String> key(String attributionKey) {
    return KEYS.computeIfAbsent(attributionKey, k -> AttributeKey.stringKey(PREFIX + k));
  }
}
