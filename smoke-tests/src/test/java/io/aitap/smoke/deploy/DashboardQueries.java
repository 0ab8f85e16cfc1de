package io.aitap.smoke.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The PromQL of every panel of every dashboard in {@code deploy/grafana/dashboards/*.json}, as
 * Grafana sends it with every variable at its current value ("All" for the service, provider and
 * model variables) and Grafana's built-in intervals filled in.
 */
final class DashboardQueries {

  static final Path DASHBOARDS = Paths.get("../deploy/grafana/dashboards").toAbsolutePath().normalize();

  /**
   * The overview's row of blackbox exporter probes: its queries have data only where the exporter
   * runs, which {@link EndpointProbesTest} checks; every other query reads what the agent exports.
   */
  static final String PROBE_ROW = "AI endpoint probes (blackbox exporter)";

  /**
   * Grafana's built-in variables, at values that suit a Prometheus holding a few minutes of
   * one-second scrapes.
   */
  private static final Map<String, String> BUILT_IN = Map.of(
      "__rate_interval", "1m",
      "__interval", "15s",
      "__interval_ms", "15000",
      "__range", "1h",
      "__range_s", "3600",
      "__range_ms", "3600000");

  private DashboardQueries() {}

  /** Every panel query's PromQL, named by where it comes from: dashboard, panel title and query id. */
  static List<Named<String>> all() {
    return inRows(row -> true);
  }

  /** Every query but the probe row's: what the agent's own metrics must fill. */
  static List<Named<String>> ofAgentMetrics() {
    return inRows(row -> !row.equals(PROBE_ROW));
  }

  static List<Named<String>> ofProbeRow() {
    return inRows(PROBE_ROW::equals);
  }

  /** The queries of the panels in the rows {@code rows} accepts ("" for panels in no row). */
  private static List<Named<String>> inRows(Predicate<String> rows) {
    List<Named<String>> queries = new ArrayList<>();
    for (Path dashboard : dashboards()) {
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(dashboard.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(dashboard.toString(), e);
      }
      Map<String, String> variables = variables(root);
      collect(dashboard.getFileName().toString(), root.path("panels"), "", variables, rows, queries);
    }
    return queries;
  }

  private static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Panels, and the panels inside collapsed rows; a panel after an expanded row belongs to that row. */
  private static void collect(String dashboard, JsonNode panels, String row, Map<String, String> variables,
      Predicate<String> rows, List<Named<String>> queries) {
    for (JsonNode panel : panels) {
      if (panel.path("type").asText().equals("row")) {
        row = panel.path("title").asText();
      }
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText("");
        if (!expr.isBlank() && rows.test(row)) {
          queries.add(Named.of(dashboard + ": " + panel.path("title").asText() + " (" + target.path("refId").asText() + ")",
              substitute(expr, variables)));
        }
      }
      collect(dashboard, panel.path("panels"), row, variables, rows, queries);
    }
  }

  /** The dashboard's own variables at their current values, "All" as its allValue, and the built-ins. */
  private static Map<String, String> variables(JsonNode dashboard) {
    Map<String, String> values = new LinkedHashMap<>(BUILT_IN);
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      JsonNode current = variable.path("current").path("value");
      String value = current.isArray() ? current.path(0).asText() : current.asText();
      if (variable.path("type").asText().equals("constant")) {
        value = variable.path("query").asText();
      } else if (value.isEmpty() || value.equals("$__all")) {
        value = variable.path("allValue").asText(".*");
      }
      values.put(variable.path("name").asText(), value);
    }
    return values;
  }

  /** Replaces {@code $name}, {@code ${name}}, {@code ${name:format}} and {@code [[name]]}, longest names first. */
  private static String substitute(String expr, Map<String, String> variables) {
    List<String> names = new ArrayList<>(variables.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
    String result = expr;
    for (String name : names) {
      String value = variables.get(name);
      result = result.replaceAll("\\$\\{" + name + "(:[^}]*)?}", java.util.regex.Matcher.quoteReplacement(value))
          .replace("[[" + name + "]]", value)
          .replace("$" + name, value);
    }
    return result;
  }
}
