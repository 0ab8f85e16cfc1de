package io.aitap.agent.cost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prices by model pattern, optionally per endpoint, read from the line format of the bundled
 * {@code prices.txt} (documented there). Later lines of the same pattern and endpoint replace
 * earlier ones, so a user file overrides the bundled list line by line.
 */
final class PriceTable {

  private final List<Price> prices = new ArrayList<>();

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
        add(parse(content.split("\\s+")));
      } catch (RuntimeException e) {
        throw new IOException(name + " line " + number + ": " + e.getMessage(), e);
      }
    }
  }

  private static Price parse(String[] fields) {
    List<String> columns = new ArrayList<>(List.of(fields));
    String endpoint = null;
    if (columns.get(columns.size() - 1).startsWith("@")) {
      endpoint = columns.remove(columns.size() - 1).substring(1).toLowerCase(Locale.ROOT);
    }
    String pattern = columns.get(0).toLowerCase(Locale.ROOT);
    if (columns.size() == 3 && columns.get(1).equalsIgnoreCase("blended")) {
      double price = Double.parseDouble(columns.get(2));
      return new Price(pattern, endpoint, price, price, price, price);
    }
    if (columns.size() < 3 || columns.size() > 5) {
      throw new IllegalArgumentException("expected: model input output [cache_read] [cache_write] [@host]");
    }
    return new Price(pattern, endpoint, Double.parseDouble(columns.get(1)), Double.parseDouble(columns.get(2)),
        optional(columns, 3), optional(columns, 4));
  }

  private static Double optional(List<String> columns, int index) {
    return index >= columns.size() || columns.get(index).equals("-") ? null : Double.valueOf(columns.get(index));
  }

  private void add(Price price) {
    prices.removeIf(p -> p.pattern.equals(price.pattern) && java.util.Objects.equals(p.endpoint, price.endpoint));
    prices.add(price);
  }

  /** The most specific price for a normalised model at an endpoint; endpoint lines win. Null when none. */
  Price find(String model, String endpoint) {
    Price best = null;
    for (Price price : prices) {
      if (price.endpoint != null && !price.endpoint.equalsIgnoreCase(endpoint)) {
        continue;
      }
      if (!price.matches(model)) {
        continue;
      }
      if (best == null || better(price, best)) {
        best = price;
      }
    }
    return best;
  }

  private static boolean better(Price candidate, Price current) {
    if ((candidate.endpoint != null) != (current.endpoint != null)) {
      return candidate.endpoint != null;
    }
    return candidate.specificity() > current.specificity();
  }
}
