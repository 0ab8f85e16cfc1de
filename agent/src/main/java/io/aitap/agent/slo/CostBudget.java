package io.aitap.agent.slo;

import java.math.BigDecimal;
import java.util.List;

/** What the calls of an SLO may cost per calendar month, and when to warn. */
final class CostBudget {

  final BigDecimal monthlyUsd;
  /** Shares of the budget (0.8 = 80 %) whose spending month-to-date raises a warning. */
  final List<BigDecimal> warningLevels;
  /** An hour costing this many times the hourly average of the day before is a spike. */
  final BigDecimal spikeFactor;

  CostBudget(BigDecimal monthlyUsd, List<BigDecimal> warningLevels, BigDecimal spikeFactor) {
    this.monthlyUsd = monthlyUsd;
    this.warningLevels = List.copyOf(warningLevels);
    this.spikeFactor = spikeFactor;
  }
}
