package io.aitap.agent.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * aitap's own price lines, for teams that set their prices themselves (documented in the README):
 * {@code model input output [cache_read] [cache_write] [@host]} or {@code model blended price [@host]},
 * USD per million tokens, model a normalised id or a prefix ending in {@code *}. Later lines of the
 * same pattern and endpoint replace earlier ones.
 */
final class PriceTable {

  private static final class Line {
    final String pattern;
    final String endpoint;
    final PricedModel model;

    Line(String pattern, String endpoint, PricedModel model) {
      this.pattern = pattern;
      this.endpoint = endpoint;
      this.model = model;
    }

    boolean matches(String id) {
      return pattern.endsWith("*") ? id.startsWith(pattern.substring(0, pattern.length() - 1)) : id.equals(pattern);
    }

    /** Longer patterns are more specific; an exact name beats a prefix of the same length. */
    int specificity() {
      return pattern.endsWith("*") ? 2 * (pattern.length() - 1) : 2 * pattern.length() + 1;
    }
  }

  private final List<Line> lines = new ArrayList<>();

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
        add(parse(content.split("\\s+"), name + " line " + number));
      } catch (RuntimeException e) {
        throw new IOException(name + " line " + number + ": " + e.getMessage(), e);
      }
    }
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  private static Line parse(String[] fields, String where) {
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
    return new Line(pattern, endpoint, PricedModel.always(where + " (" + String.join(" ", fields) + ")", new Price(rates)));
  }

  /** "-": no price of its own, so these tokens cost as input. */
  private static void optional(List<String> columns, int index, Price.Key key, Map<Price.Key, Rate> rates) {
    if (index < columns.size() && !columns.get(index).equals("-")) {
      rates.put(key, Rate.flat(Double.parseDouble(columns.get(index))));
    }
  }

  private void add(Line line) {
    lines.removeIf(l -> l.pattern.equals(line.pattern) && Objects.equals(l.endpoint, line.endpoint));
    lines.add(line);
  }

  /** The most specific line for a normalised model at an endpoint; endpoint lines win. Null when none. */
  PricedModel find(String model, String endpoint) {
    Line best = null;
    for (Line line : lines) {
      if ((line.endpoint == null || line.endpoint.equalsIgnoreCase(endpoint)) && line.matches(model)
          && (best == null || better(line, best))) {
        best = line;
      }
    }
    return best == null ? null : best.model;
  }

  private static boolean better(Line candidate, Line current) {
    if ((candidate.endpoint != null) != (current.endpoint != null)) {
      return candidate.endpoint != null;
    }
    return candidate.specificity() > current.specificity();
  }
}
