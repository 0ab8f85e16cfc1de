package io.aitap.agent.attribution;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.RequestHeaders;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who made an AI call, as the application already says it: entries of the W3C {@code baggage}
 * header and request headers the user names, read off the request of an AI call only; and the
 * end-user id of the request body, as a keyed hash. One per process: it holds the cap on metric
 * label values and the hash key, which every call shares.
 */
public final class Attribution {

  /** Reads nothing and hashes nothing. */
  public static final Attribution NONE = new Attribution(new AttributionSettings(
      Collections.emptyMap(), Collections.emptyMap(), Collections.emptySet(), 1, false, null));

  final AttributionSettings settings;
  final ValueCap cap;
  private final UserIdHash userIds;

  Attribution(AttributionSettings settings) {
    this.settings = settings;
    this.cap = new ValueCap(settings.maxValues);
    this.userIds = new UserIdHash(settings.userIdKey);
  }

  public static Attribution fromConfig(AitapConfig config) {
    return new Attribution(AttributionSettings.from(config));
  }

  /** A call's attribution, empty until {@link CallAttribution#read} finds something. */
  public CallAttribution newCall() {
    return new CallAttribution(this);
  }

  /** The named baggage entries and headers of a request, cleaned, by attribution key; a named header wins. */
  Map<String, String> read(RequestHeaders headers) {
    if (!settings.readsHeaders()) {
      return Collections.emptyMap();
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (!settings.baggage.isEmpty()) {
      String baggage = headers.valueOrNull("baggage");
      if (baggage != null) {
        Baggage.entries(Collections.singletonList(baggage), settings.baggage.keySet())
            .forEach((key, value) -> putClean(values, settings.baggage.get(key), value));
      }
    }
    settings.headers.forEach((name, key) -> putClean(values, key, headers.valueOrNull(name)));
    return values;
  }

  /** The keyed hash of an end-user id, or null when hashing is off or the id is blank. */
  String userHash(String userId) {
    if (!settings.hashUserIds || userId == null || userId.isBlank()) {
      return null;
    }
    return userIds.hash(userId);
  }

  private static void putClean(Map<String, String> values, String key, String raw) {
    String value = AttributionValues.clean(raw);
    if (value != null) {
      values.put(key, value);
    }
  }
}
