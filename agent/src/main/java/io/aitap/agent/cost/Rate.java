package io.aitap.agent.cost;

import java.util.Locale;

/**
 * One price of a model, USD per million tokens (per thousand requests for requests), and the
 * long-context tiers that replace it for every token of a call whose input, cache included,
 * exceeds a tier's start.
 */
final class Rate {
  private final double base;
  private final long[] tierStarts;
  private final double[] tierPrices;

  Rate(double base, long[] tierStarts, double[] tierPrices) {
    this.base = base;
    this.tierStarts = tierStarts;
    this.tierPrices = tierPrices;
  }

  static Rate flat(double price) {
    return new Rate(price, new long[0], new double[0]);
  }

  double at(long input) {
    for (int i = tierStarts.length - 1; i >= 0; i--) {
      if (input > tierStarts[i]) {
        return tierPrices[i];
      }
    }
    return base;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(number(base));
    for (int i = 0; i < tierStarts.length; i++) {
      text.append(" (").append(number(tierPrices[i])).append(" above ").append(tierStarts[i]).append(" input tokens)");
    }
    return text.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
  }
}
