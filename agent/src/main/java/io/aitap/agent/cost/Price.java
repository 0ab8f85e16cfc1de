package io.aitap.agent.cost;

/** USD per million tokens of each kind; a missing cache price means cache tokens cost as input. */
public final class Price {
  final String pattern;
  final String endpoint;
  final double input;
  final double output;
  final Double cacheRead;
  final Double cacheWrite;

  Price(String pattern, String endpoint, double input, double output, Double cacheRead, Double cacheWrite) {
    this.pattern = pattern;
    this.endpoint = endpoint;
    this.input = input;
    this.output = output;
    this.cacheRead = cacheRead;
    this.cacheWrite = cacheWrite;
  }

  /**
   * Uncached input, cache reads, cache writes and output (reasoning included) at their own prices.
   * {@code input} is the normalised input count, cache reads and writes included.
   */
  double costUsd(long input, long cacheRead, long cacheWrite, long output) {
    long uncached = Math.max(0, input - cacheRead - cacheWrite);
    double readPrice = cacheRead == 0 ? 0 : this.cacheRead != null ? this.cacheRead : this.input;
    double writePrice = cacheWrite == 0 ? 0 : this.cacheWrite != null ? this.cacheWrite : this.input;
    return (uncached * this.input + cacheRead * readPrice + cacheWrite * writePrice + output * this.output) / 1e6;
  }

  boolean matches(String model) {
    return pattern.endsWith("*") ? model.startsWith(pattern.substring(0, pattern.length() - 1)) : model.equals(pattern);
  }

  /** Longer patterns are more specific; an exact name beats a prefix of the same length. */
  int specificity() {
    return pattern.endsWith("*") ? 2 * (pattern.length() - 1) : 2 * pattern.length() + 1;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s%s: input %s, output %s, cache read %s, cache write %s (USD per 1M tokens)",
        pattern, endpoint == null ? "" : " @" + endpoint, input, output,
        cacheRead == null ? "as input" : cacheRead, cacheWrite == null ? "as input" : cacheWrite);
  }
}
