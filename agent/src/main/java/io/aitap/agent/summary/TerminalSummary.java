package io.aitap.agent.summary;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallOutcome;
import io.aitap.agent.call.CallSink;
import io.aitap.agent.cost.CallCost;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.slo.Slo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table of the JVM's AI calls printed when it exits ({@code aitap.summary.enabled=true}): per
 * provider and model, calls, error rate, latency p50/p95/p99, p95 time to first token, tokens and
 * cost; with {@code aitap.slo.file}, whether each objective of that slo.yaml held over the run. For a
 * developer's terminal; production reads the same numbers from the metrics.
 */
public final class TerminalSummary implements CallSink {

  /** Calls priced later, once the prices are read, so that no application thread waits for them. */
  private static final int AWAITING_PRICES_LIMIT = 1024;

  private final CostCalculator costs;
  private final List<Runnable> awaitingPrices = new ArrayList<>();
  private final Map<String, ModelTotals> totals = new TreeMap<>();
  private final SloTally slos;

  public TerminalSummary(CostCalculator costs) {
    this(costs, List.of(), null);
  }

  /** {@code service} is this JVM's service name, for SLOs whose selector names one. */
  public TerminalSummary(CostCalculator costs, List<Slo> slos, String service) {
    this.costs = costs;
    this.slos = new SloTally(slos, service);
  }

  @Override
  public synchronized void ended(AiCall call) {
    CallOutcome outcome = call.outcome();
    String model = outcome.model();
    ModelTotals row = totals.computeIfAbsent(
        outcome.provider() + "\u0000" + (model == null ? "?" : model), key -> new ModelTotals());
    row.calls++;
    if (outcome.failed()) {
      row.failed++;
    }
    row.duration.add(outcome.durationNanos() / 1e9);
    if (outcome.timeToFirstChunkNanos() >= 0) {
      row.timeToFirstChunk.add(outcome.timeToFirstChunkNanos() / 1e9);
    }
    slos.add(outcome);
    if (outcome.hasUsage()) {
      row.inputTokens += outcome.inputTokens();
      row.outputTokens += outcome.outputTokens();
      if (costs.pricesRead() || awaitingPrices.size() >= AWAITING_PRICES_LIMIT) {
        addAwaitedCosts();
        addCost(row, outcome);
      } else {
        awaitingPrices.add(() -> addCost(row, outcome));
      }
    }
  }

  private void addCost(ModelTotals row, CallOutcome outcome) {
    CallCost cost = outcome.cost(costs);
    if (cost.unpriced()) {
      row.unpricedCalls++;
    } else if (cost.usd() != null) {
      row.costUsd += cost.usd();
    }
  }

  private void addAwaitedCosts() {
    awaitingPrices.forEach(Runnable::run);
    awaitingPrices.clear();
  }

  @Override
  public void chunkGap(AiCall call, long gapNanos) {}

  public synchronized void print(PrintStream out) {
    addAwaitedCosts();
    if (totals.isEmpty()) {
      return;
    }
    String format = "%-18s %-30s %6s %7s %8s %8s %8s %9s %10s %10s %11s%n";
    out.println();
    out.println("aitap: AI calls of this JVM");
    out.printf(Locale.ROOT, format, "provider", "model", "calls", "errors", "p50", "p95", "p99", "ttft p95",
        "tokens in", "tokens out", "cost USD");
    totals.forEach((key, row) -> {
      String[] parts = key.split("\u0000", 2);
      out.printf(Locale.ROOT, format, parts[0], truncate(parts[1]), row.calls,
          String.format(Locale.ROOT, "%.1f%%", 100.0 * row.failed / row.calls),
          seconds(row.duration.quantile(0.50)), seconds(row.duration.quantile(0.95)), seconds(row.duration.quantile(0.99)),
          seconds(row.timeToFirstChunk.quantile(0.95)), row.inputTokens, row.outputTokens,
          row.unpricedCalls > 0 && row.costUsd == 0 ? "no price" : String.format(Locale.ROOT, "%.6f", row.costUsd));
    });
    slos.print(out);
  }

  private static String seconds(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3fs", value);
  }

  private static String truncate(String model) {
    return model.length() <= 30 ? model : model.substring(0, 29) + "…";
  }
}
