package io.aitap.agent.slo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Prometheus recording and alerting rules for a list of {@link Slo}s, from the raw
 * metrics only, so the file stands on its own.
 *
 * <p>Per objective: the ratio of bad calls over each window ({@code aitap_slo:sli_error:ratio_rate5m}
 * … {@code _rate30d}), its target, the error budget left over the SLO window, and the SRE workbook's
 * multi-window multi-burn-rate alerts. A ratio needs calls in its window ({@code > 0} on the
 * denominator), so an idle service has no ratio and raises nothing. Per cost budget: spend
 * month-to-date, its share of the budget, a month-end forecast, and warning, forecast and spike
 * alerts.
 */
public final class SloRuleWriter {

  static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");

  private static final String DURATION = "gen_ai_client_operation_duration_seconds";
  private static final String TIME_TO_FIRST_CHUNK = "gen_ai_client_operation_time_to_first_chunk_seconds";
  private static final String COST = "gen_ai_usage_cost_USD_sum";
  private static final String SLI = "aitap_slo:sli_error:ratio_rate";
  private static final String MONTH_TO_DATE = "aitap_slo:cost_usd:month_to_date";
  private static final String FORECAST = "aitap_slo:cost_usd:forecast_month_end";
  private static final String SPENT = "aitap_slo:cost_budget_spent:ratio";
  /** Spend is added up in tiles of this length; the cost group is evaluated as often. */
  private static final String COST_TILE = "5m";
  private static final int COST_TILE_SECONDS = 300;

  /** The SRE workbook's pairs: a long window that proves the burn, a short one that proves it still goes on. */
  private static final class BurnRate {
    final String alert;
    final String severity;
    final BigDecimal factor;
    final String longWindow;
    final String shortWindow;

    BurnRate(String alert, String severity, String factor, String longWindow, String shortWindow) {
      this.alert = alert;
      this.severity = severity;
      this.factor = new BigDecimal(factor);
      this.longWindow = longWindow;
      this.shortWindow = shortWindow;
    }
  }

  private static final List<BurnRate> BURN_RATES = List.of(
      new BurnRate("AitapSLOErrorBudgetBurnFast", "page", "14.4", "1h", "5m"),
      new BurnRate("AitapSLOErrorBudgetBurnFast", "page", "6", "6h", "30m"),
      new BurnRate("AitapSLOErrorBudgetBurnSlow", "ticket", "3", "1d", "2h"),
      new BurnRate("AitapSLOErrorBudgetBurnSlow", "ticket", "1", "3d", "6h"));

  private final StringBuilder out = new StringBuilder();

  private SloRuleWriter() {}

  /** The rule file for {@code slos}; {@code source} names the slo.yaml it came from, for its header. */
  public static String write(List<Slo> slos, String source) {
    SloRuleWriter writer = new SloRuleWriter();
    writer.out.append("# Generated from ").append(source).append(" by `java -jar aitap-agent.jar slo`: edit ").append(source)
        .append(" and regenerate rather than editing this file.\n")
        .append("# Per objective: aitap_slo:sli_error:ratio_rate<window> (the share of bad calls), aitap_slo:objective:ratio,\n")
        .append("# aitap_slo:error_budget_remaining:ratio and burn-rate alerts; per cost budget: month-to-date spend, its share\n")
        .append("# of the budget, a month-end forecast and budget alerts.\n")
        .append("groups:\n");
    for (Slo slo : slos) {
      if (!slo.objectives.isEmpty()) {
        writer.objectiveGroup(slo);
      }
    }
    if (slos.stream().anyMatch(slo -> slo.cost != null)) {
      writer.costGroup(slos);
    }
    return writer.out.toString();
  }

  private void objectiveGroup(Slo slo) {
    out.append("  - name: aitap-slo-").append(slo.name).append("\n")
        .append("    interval: 1m\n")
        .append("    rules:\n");
    List<String> windows = new ArrayList<>(WINDOWS);
    String budgetWindow = WINDOWS.stream().filter(window -> SloParser.seconds(window, "") == slo.windowSeconds)
        .findFirst().orElse(slo.window);
    if (!windows.contains(budgetWindow)) {
      windows.add(budgetWindow);
    }
    for (Objective objective : slo.objectives) {
      Map<String, String> labels = objectiveLabels(slo, objective);
      out.append("      # ").append(objective.describe()).append(" over ").append(slo.window).append(": bad calls are ")
          .append(badCalls(objective)).append("\n");
      for (String window : windows) {
        record(SLI + window, errorRatio(slo, objective, window), labels);
      }
      record("aitap_slo:objective:ratio", "vector(" + plain(BigDecimal.ONE.subtract(objective.errorBudget())) + ")", labels);
      record("aitap_slo:error_budget_remaining:ratio",
          "1 - " + SLI + budgetWindow + matchers(identity(labels)) + " / " + plain(objective.errorBudget()), labels);
      burnAlert(slo, objective, labels, BURN_RATES.subList(0, 2));
      burnAlert(slo, objective, labels, BURN_RATES.subList(2, 4));
    }
  }

  /** Its series carry the objective's labels; they are repeated so each objective's rule differs from the next. */
  private void burnAlert(Slo slo, Objective objective, Map<String, String> labels, List<BurnRate> pairs) {
    BurnRate first = pairs.get(0);
    List<String> conditions = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (BurnRate pair : pairs) {
      String threshold = plain(pair.factor.multiply(objective.errorBudget()));
      String selector = matchers(identity(labels));
      conditions.add("(\n" + "  " + SLI + pair.longWindow + selector + " > " + threshold + "\n"
          + "  and " + SLI + pair.shortWindow + selector + " > " + threshold + "\n" + ")");
      phrases.add(plain(pair.factor) + "x over " + pair.longWindow + " and " + pair.shortWindow + " (budget gone in "
          + days(slo.windowSeconds / pair.factor.doubleValue()) + ")");
    }
    alert(first.alert, String.join("\nor\n", conditions), null, withSeverity(first.severity, labels),
        "SLO " + slo.name + ": " + objective.describe() + " burns its error budget "
            + (first.severity.equals("page") ? "fast" : "steadily"),
        "Bad calls (" + badCalls(objective) + ") exceed the " + slo.window + " error budget of "
            + plain(objective.errorBudget().movePointRight(2)) + "% by " + String.join(", or ", phrases) + ".");
  }

  private void costGroup(List<Slo> slos) {
    out.append("  - name: aitap-slo-cost\n")
        .append("    interval: ").append(COST_TILE).append("\n")
        .append("    rules:\n")
        .append("      # the first second of this month and of this hour (UTC), read at evaluation time (@ end()) in subqueries\n");
    record("aitap_slo:month_start:timestamp_seconds", "vector(time() - time() % 86400) - (day_of_month() - 1) * 86400", Map.of());
    record("aitap_slo:hour_start:timestamp_seconds", "vector(time() - time() % 3600)", Map.of());
    for (Slo slo : slos) {
      if (slo.cost != null) {
        cost(slo, slo.cost);
      }
    }
  }

  private void cost(Slo slo, CostBudget budget) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("slo", slo.name);
    labels.putAll(slo.selector.labels());
    String own = matchers(Map.of("slo", slo.name));
    String spend = COST + matchers(slo.selector.labels());
    String budgetUsd = plain(budget.monthlyUsd);
    out.append("      # ").append(slo.name).append(": ").append(budgetUsd).append(" USD a month\n");
    // Prometheus has no "since the 1st" window: spend is added up in whole hours since the month
    // began, then in 5-minute tiles since the hour began; each subquery step knows its own time.
    record(MONTH_TO_DATE,
        "(\n"
            + tiles(spend, "1h", 3600, "31d", "aitap_slo:month_start:timestamp_seconds")
            + "  or vector(0)\n"
            + ")\n"
            + "+ (\n"
            + tiles(spend, COST_TILE, COST_TILE_SECONDS, "1h", "aitap_slo:hour_start:timestamp_seconds")
            + "  or vector(0)\n"
            + ")",
        labels);
    record(SPENT, "sum(" + MONTH_TO_DATE + own + ") / " + budgetUsd, labels);
    // The last day's pace over the seconds left in the month.
    record(FORECAST,
        "sum(" + MONTH_TO_DATE + own + ")\n"
            + "  + (sum(rate(" + spend + "[1d])) or vector(0))\n"
            + "    * ((days_in_month() - day_of_month() + 1) * 86400 - time() % 86400)",
        labels);
    record("aitap_slo:cost_usd:monthly_budget", "vector(" + budgetUsd + ")", labels);
    for (BigDecimal level : budget.warningLevels) {
      String percent = plain(level.movePointRight(2));
      Map<String, String> levelLabels = withSeverity("warning", Map.of("budget_level", plain(level)));
      levelLabels.putAll(labels);
      alert("AitapCostBudgetSpent", SPENT + own + " >= " + plain(level), null, levelLabels,
          slo.name + ": " + percent + "% of the monthly AI budget spent",
          "AI calls of " + slo.name + " have cost " + percent + "% or more of the " + budgetUsd + " USD monthly budget this month.");
    }
    alert("AitapCostBudgetForecastExceeded", FORECAST + own + " > " + budgetUsd, "30m", withSeverity("warning", labels),
        slo.name + ": AI spend heads past the " + budgetUsd + " USD monthly budget",
        "Spend so far this month plus the last day's pace until the month ends comes to more than " + budgetUsd + " USD.");
    // One hour at several times the hourly average of the day before, and more than an evenly spread
    // hour of the budget, so cents on an idle service do not count as a spike.
    String hour = "sum(increase(" + spend + "[1h]))";
    String evenHour = plain(budget.monthlyUsd.divide(BigDecimal.valueOf(30 * 24), 6, RoundingMode.HALF_UP));
    alert("AitapCostSpike",
        hour + " > " + plain(budget.spikeFactor) + " * (sum(rate(" + spend + "[1d] offset 1h)) * 3600 or vector(0))\n"
            + "  and " + hour + " > " + evenHour,
        null, withSeverity("warning", labels),
        slo.name + ": AI spend spiked this hour",
        "The last hour cost more than " + plain(budget.spikeFactor) + "x the hourly average of the day before, and more than "
            + evenHour + " USD (an evenly spread hour of the " + budgetUsd + " USD budget).");
  }

  /** The spend of the tiles that began at or after {@code since} (a recorded timestamp), added up. */
  private static String tiles(String spend, String tile, int tileSeconds, String range, String since) {
    return "  sum_over_time(\n"
        + "    (\n"
        + "      sum(increase(" + spend + "[" + tile + "]))\n"
        + "        and on() (vector(time() - " + tileSeconds + ") >= on() " + since + " @ end())\n"
        + "    )[" + range + ":" + tile + "]\n"
        + "  )\n";
  }

  private void alert(String name, String expr, String pending, Map<String, String> labels, String summary, String description) {
    out.append("      - alert: ").append(name).append("\n");
    expression(expr);
    if (pending != null) {
      out.append("        for: ").append(pending).append("\n");
    }
    out.append("        labels:\n");
    appendLabels(labels, 10);
    out.append("        annotations:\n")
        .append("          summary: ").append(quote(summary)).append("\n")
        .append("          description: ").append(quote(description)).append("\n");
  }

  private static Map<String, String> withSeverity(String severity, Map<String, String> labels) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("severity", severity);
    all.putAll(labels);
    return all;
  }

  /** The share of bad calls over a window; absent, not 0/0, when the window saw no call. */
  private static String errorRatio(Slo slo, Objective objective, String window) {
    Map<String, String> selector = slo.selector.labels();
    if (objective.kind == Objective.Kind.AVAILABILITY) {
      String calls = "sum(rate(" + DURATION + "_count" + matchers(selector) + "[" + window + "]))";
      Map<String, String> failed = new LinkedHashMap<>(selector);
      String failedMatcher = objective.failureCategories.isEmpty()
          ? "error_type!=\"\"" : "aitap_error_category=~\"" + regexOf(objective.failureCategories) + "\"";
      String failures = "sum(rate(" + DURATION + "_count" + matchers(failed, failedMatcher) + "[" + window + "]))";
      return "(" + failures + " or " + calls + " * 0)\n  / (" + calls + " > 0)";
    }
    String histogram = objective.kind == Objective.Kind.LATENCY ? DURATION : TIME_TO_FIRST_CHUNK;
    String calls = "sum(rate(" + histogram + "_count" + matchers(selector) + "[" + window + "]))";
    String fast = "sum(rate(" + histogram + "_bucket" + matchers(selector, le(objective.thresholdSeconds)) + "[" + window + "]))";
    return "(" + calls + " - " + fast + ")\n  / (" + calls + " > 0)";
  }

  /**
   * Exporters write a whole boundary as "5" (the collector) or "5.0" (Java's Prometheus client,
   * Prometheus 3 after normalising); both match.
   */
  private static String le(BigDecimal seconds) {
    String text = plain(seconds);
    return text.contains(".") ? "le=\"" + text + "\"" : "le=~\"" + text + "(\\\\.0)?\"";
  }

  private static Map<String, String> objectiveLabels(Slo slo, Objective objective) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("slo", slo.name);
    labels.put("sli", objective.kind.key);
    labels.put("objective", plain(objective.targetPercent));
    if (objective.thresholdSeconds != null) {
      labels.put("threshold", plain(objective.thresholdSeconds));
    }
    labels.putAll(slo.selector.labels());
    return labels;
  }

  /** The labels that tell one objective's series from another's. */
  private static Map<String, String> identity(Map<String, String> labels) {
    Map<String, String> identity = new LinkedHashMap<>();
    for (String name : List.of("slo", "sli", "objective", "threshold")) {
      if (labels.containsKey(name)) {
        identity.put(name, labels.get(name));
      }
    }
    return identity;
  }

  private static String badCalls(Objective objective) {
    switch (objective.kind) {
      case AVAILABILITY:
        return objective.failureCategories.isEmpty() ? "failed calls"
            : "calls failed with " + String.join(", ", objective.failureCategories);
      case LATENCY:
        return "calls slower than " + plain(objective.thresholdSeconds) + " s";
      default:
        return "streams slower than " + plain(objective.thresholdSeconds) + " s to their first token";
    }
  }

  private void record(String name, String expr, Map<String, String> labels) {
    out.append("      - record: ").append(name).append("\n");
    expression(expr);
    if (!labels.isEmpty()) {
      out.append("        labels:\n");
      appendLabels(labels, 10);
    }
  }

  private void expression(String expr) {
    if (expr.contains("\n")) {
      out.append("        expr: |\n").append(indent(expr, 10)).append("\n");
    } else {
      out.append("        expr: ").append(expr).append("\n");
    }
  }

  private void appendLabels(Map<String, String> labels, int indent) {
    labels.forEach((name, value) -> out.append(" ".repeat(indent)).append(name).append(": ").append(quote(value)).append("\n"));
  }

  private static String matchers(Map<String, String> labels, String... extra) {
    List<String> matchers = new ArrayList<>();
    labels.forEach((name, value) -> matchers.add(name + "=\"" + promqlEscape(value) + "\""));
    matchers.addAll(List.of(extra));
    return matchers.isEmpty() ? "" : "{" + String.join(",", matchers) + "}";
  }

  private static String regexOf(List<String> values) {
    List<String> quoted = new ArrayList<>();
    for (String value : values) {
      quoted.add(promqlEscape(value.replaceAll("[\\\\.+*?()|\\[\\]{}^$]", "\\\\$0")));
    }
    return String.join("|", quoted);
  }

  private static String promqlEscape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String indent(String text, int spaces) {
    String prefix = " ".repeat(spaces);
    return prefix + text.replace("\n", "\n" + prefix);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String days(double seconds) {
    double days = seconds / 86400;
    return days < 1 ? Math.round(days * 24) + " hours" : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString() + " days";
  }
}
