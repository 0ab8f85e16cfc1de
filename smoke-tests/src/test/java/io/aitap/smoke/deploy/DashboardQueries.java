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
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /** One panel query: where it comes from (the row its panel sits in, if any), and the PromQL Grafana would send. */
  static final class Query {
    final String name;
    final String row;
    final String promql;

    Query(String name, String row, String promql) {
      this.name = name;
      this.row = row;
      this.promql = promql;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private DashboardQueries() {}

  static List<Query> all() {
    List<Query> queries = new ArrayList<>();
    for (Path dashboard : dashboards()) {
      JsonNode root;
      try {
        root = new ObjectMapper().readTree(dashboard.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(dashboard.toString(), e);
      }
      Map<String, String> variables = variables(root);
      collect(dashboard.getFileName().toString(), root.path("panels"), "", variables, queries);
    }
    return queries;
  }

  /** Every query but the probe row's: what the agent's own metrics must fill. */
  static List<Query> ofAgentMetrics() {
    return all().stream().filter(query -> !query.row.equals(PROBE_ROW)).collect(Collectors.toList());
  }

  static List<Query> ofProbeRow() {
    return all().stream().filter(query -> query.row.equals(PROBE_ROW)).collect(Collectors.toList());
  }

  private static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Panels, and the panels inside collapsed rows; a panel after an expanded row belongs to that row. */
  private static void collect(String dashboard, JsonNode panels, String row, Map<String, String> variables, List<Query> queries) {
    for (JsonNode panel : panels) {
      if (panel.path("type").asText().equals("row")) {
        row = panel.path("title").asText();
      }
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText("");
        if (!expr.isBlank()) {
          queries.add(new Query(dashboard + ": " + panel.path("title").asText() + " (" + target.path("refId").asText() + ")",
              row, substitute(expr, variables)));
        }
      }
      collect(dashboard, panel.path("panels"), row, variables, queries);
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
