package io.aitap.agent.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * aitap's own price lines, for teams that set their prices themselves (documented in the README):
 * {@code model input output [cache_read] [cache_write] [@host]} or {@code model blended price [@host]},
 * USD per million tokens, model a normalised id or a prefix ending in {@code *}. Later lines of the
 * same pattern and endpoint replace earlier ones.
 */
final class PriceTable {

  /**
   * Prices by endpoint ({@code null} for every endpoint), then by pattern: a later line of the same
   * pattern and endpoint replaces an earlier one.
   */
  private final Map<String, Map<String, PricedModel>> byEndpoint = new HashMap<>();

  void read(Reader source, String name) throws IOException {
    BufferedReader reader = new BufferedReader(source);
    int number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      int comment = line.indexOf('#');
      String content = (comment < 0 ? line : line.substring(0, comment)).trim();
      if (content.isEmpty()) {
        continue;
      }
      try {
        add(content.split("\\s+"), name + " line " + number);
      } catch (RuntimeException e) {
        throw new IOException(name + " line " + number + ": " + e.getMessage(), e);
      }
    }
  }

  boolean isEmpty() {
    return byEndpoint.isEmpty();
  }

  private void add(String[] fields, String where) {
    List<String> columns = new ArrayList<>(List.of(fields));
    String endpoint = null;
    if (columns.get(columns.size() - 1).startsWith("@")) {
      endpoint = columns.remove(columns.size() - 1).substring(1).toLowerCase(Locale.ROOT);
    }
    String pattern = columns.get(0).toLowerCase(Locale.ROOT);
    Map<Price.Key, Rate> rates = new EnumMap<>(Price.Key.class);
    if (columns.size() == 3 && columns.get(1).equalsIgnoreCase("blended")) {
      Rate price = Rate.flat(Double.parseDouble(columns.get(2)));
      for (Price.Key key : List.of(Price.Key.INPUT, Price.Key.OUTPUT, Price.Key.CACHE_READ, Price.Key.CACHE_WRITE)) {
        rates.put(key, price);
      }
    } else if (columns.size() >= 3 && columns.size() <= 5) {
      rates.put(Price.Key.INPUT, Rate.flat(Double.parseDouble(columns.get(1))));
      rates.put(Price.Key.OUTPUT, Rate.flat(Double.parseDouble(columns.get(2))));
      optional(columns, 3, Price.Key.CACHE_READ, rates);
      optional(columns, 4, Price.Key.CACHE_WRITE, rates);
    } else {
      throw new IllegalArgumentException("expected: model input output [cache_read] [cache_write] [@host]");
    }
    byEndpoint.computeIfAbsent(endpoint, any -> new HashMap<>())
        .put(pattern, PricedModel.always(where + " (" + String.join(" ", fields) + ")", new Price(rates)));
  }

  /** "-": no price of its own, so these tokens cost as input. */
  private static void optional(List<String> columns, int index, Price.Key key, Map<Price.Key, Rate> rates) {
    if (index < columns.size() && !columns.get(index).equals("-")) {
      rates.put(key, Rate.flat(Double.parseDouble(columns.get(index))));
    }
  }

  /** The most specific line for a normalised model at an endpoint; endpoint lines win. Null when none. */
  PricedModel find(String model, String endpoint) {
    PricedModel atEndpoint = endpoint == null ? null : mostSpecific(byEndpoint.get(endpoint.toLowerCase(Locale.ROOT)), model);
    return atEndpoint != null ? atEndpoint : mostSpecific(byEndpoint.get(null), model);
  }

  private static PricedModel mostSpecific(Map<String, PricedModel> byPattern, String model) {
    if (byPattern == null) {
      return null;
    }
    String best = null;
    for (String pattern : byPattern.keySet()) {
      if (matches(pattern, model) && (best == null || specificity(pattern) > specificity(best))) {
        best = pattern;
      }
    }
    return best == null ? null : byPattern.get(best);
  }

  private static boolean matches(String pattern, String model) {
    return pattern.endsWith("*") ? model.startsWith(pattern.substring(0, pattern.length() - 1)) : model.equals(pattern);
  }

  /** Longer patterns are more specific; an exact name beats a prefix of the same length. */
  private static int specificity(String pattern) {
    return pattern.endsWith("*") ? 2 * (pattern.length() - 1) : 2 * pattern.length() + 1;
  }
}
