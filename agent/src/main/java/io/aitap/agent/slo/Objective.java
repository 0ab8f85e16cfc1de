package io.aitap.agent.slo;

import java.math.BigDecimal;
import java.util.List;

/** One target of an SLO: the share of calls that must be good, and what makes a call bad. */
public final class Objective {

  /** What a bad call is: a failure, a slow call, or a stream slow to its first token. */
  public enum Kind {
    AVAILABILITY("availability"),
    LATENCY("latency"),
    TIME_TO_FIRST_TOKEN("time_to_first_token");

    final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  final Kind kind;
  final BigDecimal targetPercent;
  /** Seconds, a bucket boundary of the kind's histogram; null for availability. */
  final BigDecimal thresholdSeconds;
  /** The aitap.error.category values that count against availability; empty: every failure. */
  final List<String> failureCategories;

  Objective(Kind kind, BigDecimal targetPercent, BigDecimal thresholdSeconds, List<String> failureCategories) {
    this.kind = kind;
    this.targetPercent = targetPercent;
    this.thresholdSeconds = thresholdSeconds;
    this.failureCategories = List.copyOf(failureCategories);
  }

  public Kind kind() {
    return kind;
  }

  /** The share of calls allowed to be bad, e.g. 0.001 for 99.9 %. */
  BigDecimal errorBudget() {
    return HUNDRED.subtract(targetPercent).movePointLeft(2);
  }

  /** For the exit summary: whether one finished call counts against this objective. */
  public boolean isBad(String errorCategory, double durationSeconds) {
    switch (kind) {
      case AVAILABILITY:
        return errorCategory != null && (failureCategories.isEmpty() || failureCategories.contains(errorCategory));
      default:
        return durationSeconds > thresholdSeconds.doubleValue();
    }
  }

  /** "availability 99.9%", "latency 95% under 2.56 s": how reports name it. */
  public String describe() {
    String target = kind.key + " " + targetPercent.stripTrailingZeros().toPlainString() + "%";
    return thresholdSeconds == null ? target : target + " under " + thresholdSeconds.stripTrailingZeros().toPlainString() + " s";
  }

  public BigDecimal targetPercent() {
    return targetPercent;
  }
}
