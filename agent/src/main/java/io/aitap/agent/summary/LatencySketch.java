package io.aitap.agent.summary;

/**
 * Quantiles of durations in a fixed, small amount of memory: log-spaced buckets 5 % wide from
 * 1 ms to about 10 minutes, so a percentile is within 5 % of the truth however many calls came.
 */
final class LatencySketch {

  private static final double GROWTH = 1.05;
  private static final double FIRST = 0.001;
  private static final int BUCKETS = 275;

  private final long[] counts = new long[BUCKETS + 1];
  private long total;

  void add(double seconds) {
    int index = seconds <= FIRST ? 0 : (int) Math.ceil(Math.log(seconds / FIRST) / Math.log(GROWTH));
    counts[Math.min(index, BUCKETS)]++;
    total++;
  }

  long count() {
    return total;
  }

  /** The upper bound of the bucket holding the {@code q} quantile, or NaN with no data. */
  double quantile(double q) {
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return FIRST * Math.pow(GROWTH, i);
      }
    }
    return FIRST * Math.pow(GROWTH, BUCKETS);
  }
}
