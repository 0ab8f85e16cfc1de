package io.aitap.agent.summary;

import io.aitap.agent.call.CallOutcome;
import io.aitap.agent.slo.Objective;
import io.aitap.agent.slo.Slo;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The objectives of slo.yaml ({@code aitap.slo.file}) checked against this run's calls: exact
 * counts of good and bad calls per objective, so the summary can say met or missed.
 */
final class SloTally {

  private static final class Count {
    final Slo slo;
    final Objective objective;
    long calls;
    long bad;

    Count(Slo slo, Objective objective) {
      this.slo = slo;
      this.objective = objective;
    }
  }

  private final String service;
  private final List<Count> counts = new ArrayList<>();

  SloTally(List<Slo> slos, String service) {
    this.service = service;
    for (Slo slo : slos) {
      for (Objective objective : slo.objectives()) {
        counts.add(new Count(slo, objective));
      }
    }
  }

  /** One finished call, with the attribution it carried. */
  void add(CallOutcome outcome, Map<String, String> attribution) {
    double duration = outcome.durationNanos() / 1e9;
    double timeToFirstChunk = outcome.timeToFirstChunkNanos() / 1e9;
    for (Count count : counts) {
      if (!count.slo.selector().matches(
          service, outcome.provider(), outcome.requestModel(), outcome.operation(), attribution)) {
        continue;
      }
      boolean firstToken = count.objective.kind() == Objective.Kind.TIME_TO_FIRST_TOKEN;
      if (firstToken && timeToFirstChunk < 0) {
        continue;
      }
      count.calls++;
      if (count.objective.isBad(outcome.errorCategory(), firstToken ? timeToFirstChunk : duration)) {
        count.bad++;
      }
    }
  }

  void print(PrintStream out) {
    if (counts.isEmpty()) {
      return;
    }
    out.println();
    out.println("aitap: SLOs over this run");
    for (Count count : counts) {
      String verdict;
      if (count.calls == 0) {
        verdict = "no calls";
      } else {
        BigDecimal good = BigDecimal.valueOf(count.calls - count.bad).movePointRight(2)
            .divide(BigDecimal.valueOf(count.calls), 10, RoundingMode.HALF_UP);
        verdict = String.format(Locale.ROOT, "%6.2f%% good of %d  %s", good.doubleValue(), count.calls,
            good.compareTo(count.objective.targetPercent()) >= 0 ? "met" : "MISSED");
      }
      out.printf(Locale.ROOT, "  %-18s %-42s %s%n", count.slo.name(), count.objective.describe(), verdict);
    }
  }
}
