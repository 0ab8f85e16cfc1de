package io.aitap.agent.slo;

import io.aitap.agent.telemetry.HistogramBuckets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads slo.yaml into {@link Slo}s and rejects what would give wrong rules: unknown keys (typos
 * would silently drop an objective), targets outside (0, 100), and thresholds that are not a bucket
 * boundary of their histogram. Every message names the place in the file.
 */
public final class SloParser {

  private static final Pattern ATTRIBUTION_KEY = Pattern.compile("[a-z0-9_][a-z0-9_.]*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]*)([mhdw])");
  private static final long SLOWEST_ALERT_WINDOW_SECONDS = 3 * 86400;

  private SloParser() {}

  public static List<Slo> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  public static List<Slo> parse(String yaml) {
    Object document;
    try {
      document = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
    }
    Map<String, Object> root = map(document, "the file", Set.of("slos"));
    List<Slo> slos = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Object> entries = list(root.get("slos"), "slos");
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("slos: lists no SLO");
    }
    for (int i = 0; i < entries.size(); i++) {
      Slo slo = slo(entries.get(i), "slos[" + i + "]");
      if (!names.add(slo.name)) {
        throw new IllegalArgumentException("slos[" + i + "].name: '" + slo.name + "' is used twice");
      }
      slos.add(slo);
    }
    return slos;
  }

  private static Slo slo(Object value, String where) {
    Map<String, Object> entry = map(value, where,
        Set.of("name", "selector", "window", "availability", "latency", "time_to_first_token", "cost"));
    String name = string(entry.get("name"), where + ".name");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(where + ".name: needs a name of letters, digits, '_', '.' or '-'");
    }
    String window = entry.containsKey("window") ? string(entry.get("window"), where + ".window") : "30d";
    long windowSeconds = seconds(window, where + ".window");
    if (windowSeconds < SLOWEST_ALERT_WINDOW_SECONDS) {
      throw new IllegalArgumentException(where + ".window: " + window
          + " is shorter than 3d, the longest window of the burn-rate alerts");
    }
    List<Objective> objectives = new ArrayList<>();
    for (Objective.Kind kind : Objective.Kind.values()) {
      List<Object> items = entry.containsKey(kind.key) ? listOrOne(entry.get(kind.key), where + "." + kind.key) : List.of();
      for (int i = 0; i < items.size(); i++) {
        objectives.add(objective(kind, items.get(i), where + "." + kind.key + "[" + i + "]"));
      }
    }
    rejectTwins(objectives, where);
    CostBudget cost = entry.containsKey("cost") ? cost(entry.get("cost"), where + ".cost") : null;
    if (objectives.isEmpty() && cost == null) {
      throw new IllegalArgumentException(where + ": sets no objective and no cost budget");
    }
    return new Slo(name, selector(entry.get("selector"), where + ".selector"), window, windowSeconds, objectives, cost);
  }

  private static SloSelector selector(Object value, String where) {
    if (value == null) {
      return new SloSelector(null, null, null, null);
    }
    Map<String, Object> selector = map(value, where, Set.of("service", "provider", "model", "operation", "attribution"));
    return new SloSelector(string(selector.get("service"), where + ".service"),
        string(selector.get("provider"), where + ".provider"), string(selector.get("model"), where + ".model"),
        string(selector.get("operation"), where + ".operation"),
        attribution(selector.get("attribution"), where + ".attribution"));
  }

  /** Attribution keys as aitap names them (lower case, letters, digits, dots, underscores) → values. */
  private static Map<String, String> attribution(Object value, String where) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(where + ": expected a mapping of attribution keys to values, such as {team: payments}");
    }
    Map<String, String> attribution = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (!ATTRIBUTION_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(where + ": '" + key + "' is not an attribution key as aitap names them"
            + " (lower case letters, digits, dots and underscores: X-Cost-Center becomes cost_center)");
      }
      attribution.put(key, string(entry.getValue(), where + "." + key));
    }
    return attribution;
  }

  private static Objective objective(Objective.Kind kind, Object value, String where) {
    boolean availability = kind == Objective.Kind.AVAILABILITY;
    Map<String, Object> entry = map(value, where,
        availability ? Set.of("objective", "failures") : Set.of("objective", "threshold"));
    BigDecimal target = number(entry.get("objective"), where + ".objective");
    if (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) >= 0) {
      throw new IllegalArgumentException(where + ".objective: " + target.toPlainString()
          + " is not a percentage between 0 and 100 (write 99.9 for 99.9 %)");
    }
    if (target.compareTo(BigDecimal.ONE) < 0) {
      // nobody aims at under 1 % good calls: this is a ratio written where a percentage belongs
      throw new IllegalArgumentException(where + ".objective: " + target.toPlainString()
          + " looks like a ratio; objectives are percentages (write 99.9 for 99.9 %)");
    }
    if (availability) {
      List<String> failures = new ArrayList<>();
      if (entry.containsKey("failures")) {
        for (Object category : list(entry.get("failures"), where + ".failures")) {
          failures.add(string(category, where + ".failures"));
        }
      }
      return new Objective(kind, target, null, failures);
    }
    BigDecimal threshold = number(entry.get("threshold"), where + ".threshold");
    List<Double> boundaries = kind == Objective.Kind.LATENCY
        ? HistogramBuckets.DURATION_SECONDS
        : HistogramBuckets.TIME_TO_FIRST_CHUNK_SECONDS;
    if (boundaries.stream().noneMatch(boundary -> BigDecimal.valueOf(boundary).compareTo(threshold) == 0)) {
      throw new IllegalArgumentException(where + ".threshold: " + threshold.toPlainString()
          + " s is not a bucket boundary of the " + (kind == Objective.Kind.LATENCY
              ? "gen_ai.client.operation.duration" : "gen_ai.client.operation.time_to_first_chunk")
          + " histogram, so the share of calls under it cannot be measured; the boundaries are "
          + boundaries.stream().map(boundary -> BigDecimal.valueOf(boundary).stripTrailingZeros().toPlainString())
              .collect(Collectors.joining(", ")));
    }
    return new Objective(kind, target, threshold, List.of());
  }

  /** Two objectives with the same kind, target and threshold would record the same series. */
  private static void rejectTwins(List<Objective> objectives, String where) {
    Set<String> seen = new HashSet<>();
    for (Objective objective : objectives) {
      if (!seen.add(objective.describe())) {
        throw new IllegalArgumentException(where + ": " + objective.describe() + " is set twice");
      }
    }
  }

  private static CostBudget cost(Object value, String where) {
    Map<String, Object> entry = map(value, where, Set.of("monthly_budget_usd", "warning_levels", "spike_factor"));
    BigDecimal budget = number(entry.get("monthly_budget_usd"), where + ".monthly_budget_usd");
    if (budget.signum() <= 0) {
      throw new IllegalArgumentException(where + ".monthly_budget_usd: must be more than 0");
    }
    List<BigDecimal> levels = new ArrayList<>();
    if (entry.containsKey("warning_levels")) {
      for (Object level : list(entry.get("warning_levels"), where + ".warning_levels")) {
        BigDecimal share = number(level, where + ".warning_levels");
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
          throw new IllegalArgumentException(where + ".warning_levels: " + share.toPlainString()
              + " is not a share of the budget between 0 and 1 (0.8 warns at 80 %)");
        }
        levels.add(share);
      }
    }
    BigDecimal spike = entry.containsKey("spike_factor") ? number(entry.get("spike_factor"), where + ".spike_factor")
        : BigDecimal.valueOf(3);
    if (spike.compareTo(BigDecimal.ONE) <= 0) {
      throw new IllegalArgumentException(where + ".spike_factor: must be more than 1");
    }
    return new CostBudget(budget, levels, spike);
  }

  static long seconds(String duration, String where) {
    Matcher matcher = DURATION.matcher(duration == null ? "" : duration);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(where + ": '" + duration + "' is not a duration such as 30d, 4w or 720h");
    }
    long unit = "m".equals(matcher.group(2)) ? 60 : "h".equals(matcher.group(2)) ? 3600 : "d".equals(matcher.group(2)) ? 86400 : 7 * 86400;
    return Long.parseLong(matcher.group(1)) * unit;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where, Set<String> keys) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(where + ": expected a mapping with the keys " + String.join(", ", sorted(keys)));
    }
    Map<String, Object> map = (Map<String, Object>) value;
    for (Object key : map.keySet()) {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "'; known keys: " + String.join(", ", sorted(keys)));
      }
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String where) {
    if (!(value instanceof List)) {
      throw new IllegalArgumentException(where + ": expected a list");
    }
    return (List<Object>) value;
  }

  /** An objective key takes a list of entries, or one entry on its own. */
  private static List<Object> listOrOne(Object value, String where) {
    return value instanceof Map ? List.of(value) : list(value, where);
  }

  private static String string(Object value, String where) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      throw new IllegalArgumentException(where + ": expected a single value");
    }
    return value.toString();
  }

  private static BigDecimal number(Object value, String where) {
    if (!(value instanceof Number)) {
      throw new IllegalArgumentException(where + ": expected a number, found " + (value == null ? "nothing" : "'" + value + "'"));
    }
    return new BigDecimal(value.toString());
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().collect(Collectors.toList());
  }
}
