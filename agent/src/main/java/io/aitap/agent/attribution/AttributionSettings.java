package io.aitap.agent.attribution;

import io.aitap.agent.AgentLog;
import io.aitap.agent.config.AitapConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code aitap.attribution.*} settings: which baggage entries and request headers name who made
 * a call, which of them may become metric labels and how many values each may take, and what
 * becomes of the end-user id a request body carries.
 */
public final class AttributionSettings {

  static final int DEFAULT_MAX_VALUES = 100;

  /** Baggage key → attribution key. */
  final Map<String, String> baggage;
  /** Request header name → attribution key. */
  final Map<String, String> headers;
  final Set<String> metricKeys;
  final int maxValues;
  final boolean hashUserIds;
  /** The HMAC key for end-user ids; null: a random one per process. */
  final String userIdKey;

  AttributionSettings(Map<String, String> baggage, Map<String, String> headers, Set<String> metricKeys,
      int maxValues, boolean hashUserIds, String userIdKey) {
    this.baggage = Collections.unmodifiableMap(baggage);
    this.headers = Collections.unmodifiableMap(headers);
    this.metricKeys = Collections.unmodifiableSet(metricKeys);
    this.maxValues = maxValues;
    this.hashUserIds = hashUserIds;
    this.userIdKey = userIdKey;
  }

  public static AttributionSettings from(AitapConfig config) {
    Map<String, String> baggage = new LinkedHashMap<>();
    for (String key : config.getList("aitap.attribution.baggage")) {
      baggage.put(key, keyOf(key));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header : config.getList("aitap.attribution.headers")) {
      headers.put(header, headerKey(header));
    }
    Set<String> metricKeys = new LinkedHashSet<>();
    for (String key : config.getList("aitap.attribution.metric-keys")) {
      String normalised = keyOf(key);
      if (baggage.containsValue(normalised) || headers.containsValue(normalised)) {
        metricKeys.add(normalised);
      } else {
        AgentLog.warn("aitap.attribution.metric-keys names " + key
            + ", which no entry of aitap.attribution.baggage or aitap.attribution.headers gives: ignored", null);
      }
    }
    String userIds = config.get("aitap.attribution.user-id", "hashed").toLowerCase(Locale.ROOT);
    return new AttributionSettings(baggage, headers, metricKeys,
        config.getPositiveInt("aitap.attribution.max-values", DEFAULT_MAX_VALUES), !userIds.equals("off"),
        config.get("aitap.attribution.user-id-key"));
  }

  boolean readsHeaders() {
    return !baggage.isEmpty() || !headers.isEmpty();
  }

  /**
   * The attribution key a header gives: its name in lower case without the {@code X-} that custom
   * headers used to carry, dashes as underscores ({@code X-Team} → {@code team},
   * {@code X-Cost-Center} → {@code cost_center}).
   */
  static String headerKey(String header) {
    String name = header.toLowerCase(Locale.ROOT);
    return keyOf(name.startsWith("x-") && name.length() > 2 ? name.substring(2) : name);
  }

  /** Lower case, and anything but letters, digits, dots and underscores as an underscore. */
  static String keyOf(String name) {
    StringBuilder key = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
      key.append(ok ? c : '_');
    }
    return key.toString();
  }
}
