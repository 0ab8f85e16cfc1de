package io.aitap.agent.cost;

import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /** Writes a price of a price list's JSON, a number or a base with tiers, in the form {@link #read} reads. */
  @SuppressWarnings("unchecked")
  static void compile(Object json, DataOutput out) throws IOException {
    if (json instanceof Number) {
      out.writeDouble(((Number) json).doubleValue());
      CompiledInput.writeCount(out, 0);
      return;
    }
    Map<String, Object> tiered = (Map<String, Object>) json;
    List<Object> tiers = (List<Object>) tiered.get("tiers");
    out.writeDouble(((Number) tiered.get("base")).doubleValue());
    CompiledInput.writeCount(out, tiers.size());
    for (Object each : tiers) {
      Map<String, Object> tier = (Map<String, Object>) each;
      out.writeLong(((Number) tier.get("start")).longValue());
      out.writeDouble(((Number) tier.get("price")).doubleValue());
    }
  }

  /** Reads what {@link #compile} wrote. */
  static Rate read(CompiledInput in) {
    double base = in.decimal();
    int count = in.unsignedShort();
    long[] starts = new long[count];
    double[] prices = new double[count];
    for (int i = 0; i < count; i++) {
      starts[i] = in.whole();
      prices[i] = in.decimal();
    }
    return new Rate(base, starts, prices);
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
