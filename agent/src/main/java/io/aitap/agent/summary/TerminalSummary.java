package io.aitap.agent.summary;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallOutcome;
import io.aitap.agent.call.CallSink;
import io.aitap.agent.cost.CallCost;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.slo.Slo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table of the JVM's AI calls printed when it exits ({@code aitap.summary.enabled=true}): per
 * provider and model, calls, error rate, latency p50/p95/p99, p95 time to first token, tokens and
 * cost; with {@code aitap.slo.file}, whether each objective of that slo.yaml held over the run; with
 * {@code aitap.summary.group-by}, per value of that attribution key first. For a developer's
 * terminal; production reads the same numbers from the metrics.
 */
public final class TerminalSummary implements CallSink {

  /** Calls priced later, once the prices are read, so that no application thread waits for them. */
  private static final int AWAITING_PRICES_LIMIT = 1024;
  /** Distinct values of the group-by key with a row of their own; later ones share one. */
  private static final int GROUP_LIMIT = 100;

  private final CostCalculator costs;
  private final List<Runnable> awaitingPrices = new ArrayList<>();
  private final Map<String, ModelTotals> totals = new TreeMap<>();
  private final SloTally slos;
  /** The attribution key rows are grouped by first, or null. */
  private final String groupBy;
  private final Set<String> groups = new HashSet<>();

  public TerminalSummary(CostCalculator costs) {
    this(costs, List.of(), null, null);
  }

  /** {@code service} is this JVM's service name, for SLOs whose selector names one. */
  public TerminalSummary(CostCalculator costs, List<Slo> slos, String service) {
    this(costs, slos, service, null);
  }

  /** {@code groupBy}: an attribution key whose values group the rows, or null. */
  public TerminalSummary(CostCalculator costs, List<Slo> slos, String service, String groupBy) {
    this.costs = costs;
    this.slos = new SloTally(slos, service);
    this.groupBy = groupBy;
  }

  @Override
  public synchronized void ended(AiCall call) {
    CallOutcome outcome = call.outcome();
    String model = outcome.model();
    ModelTotals row = totals.computeIfAbsent(
        group(call) + outcome.provider() + "\u0000" + (model == null ? "?" : model), key -> new ModelTotals());
    row.calls++;
    if (outcome.failed()) {
      row.failed++;
    }
    row.duration.add(outcome.durationNanos() / 1e9);
    if (outcome.timeToFirstChunkNanos() >= 0) {
      row.timeToFirstChunk.add(outcome.timeToFirstChunkNanos() / 1e9);
    }
    slos.add(outcome, call.attribution().values());
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

  /** The row key's group part: empty without a group-by key. */
  private String group(AiCall call) {
    if (groupBy == null) {
      return "";
    }
    String value = call.attribution().values().getOrDefault(groupBy, "-");
    if (!groups.contains(value)) {
      value = groups.size() < GROUP_LIMIT && groups.add(value) ? value : "other";
    }
    return value + "\u0000";
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
    String groupFormat = groupBy == null ? "%s" : "%-16s ";
    out.printf(Locale.ROOT, groupFormat + format, groupBy == null ? "" : truncate(groupBy, 16), "provider", "model", "calls",
        "errors", "p50", "p95", "p99", "ttft p95", "tokens in", "tokens out", "cost USD");
    totals.forEach((key, row) -> {
      String[] parts = key.split("\u0000", groupBy == null ? 2 : 3);
      int at = groupBy == null ? 0 : 1;
      out.printf(Locale.ROOT, groupFormat + format, groupBy == null ? "" : truncate(parts[0], 16), parts[at],
          truncate(parts[at + 1], 30), row.calls,
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

  private static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
