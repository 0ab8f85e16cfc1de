package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks {@code deploy/} with the real promtool (Debian's prometheus package, which CI installs):
 * the Prometheus configuration, every rule file, the unit tests of every alert, and every
 * dashboard query as valid PromQL.
 */
class DeployPackTest {

  private static final Path PROMETHEUS = Paths.get("../deploy/prometheus").toAbsolutePath().normalize();
  private static final Path DASHBOARDS = Paths.get("../deploy/grafana/dashboards").toAbsolutePath().normalize();

  @Test
  void prometheusConfigurationAndRulesAreValid() throws Exception {
    promtool(PROMETHEUS, "check", "config", "prometheus.yml");
    List<String> command = new ArrayList<>(List.of("check", "rules"));
    for (File rules : PROMETHEUS.resolve("rules").toFile().listFiles()) {
      command.add("rules/" + rules.getName());
    }
    promtool(PROMETHEUS, command.toArray(new String[0]));
  }

  @Test
  void everyAlertPassesItsUnitTests() throws Exception {
    promtool(PROMETHEUS.resolve("tests"), "test", "rules", "aitap-alerts.test.yml");
    String tests = Files.readString(PROMETHEUS.resolve("tests/aitap-alerts.test.yml"), StandardCharsets.UTF_8);
    String rules = Files.readString(PROMETHEUS.resolve("rules/aitap-alerts.rules.yml"), StandardCharsets.UTF_8);
    for (String line : rules.split("\n")) {
      if (line.trim().startsWith("- alert: ")) {
        String alert = line.trim().substring("- alert: ".length());
        assertFalse(!tests.contains("alertname: " + alert), alert + " has a unit test");
      }
    }
  }

  @Test
  void everyDashboardQueryIsValidPromql(@TempDir Path directory) throws Exception {
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
    int queries = 0;
    for (File dashboard : DASHBOARDS.toFile().listFiles((dir, name) -> name.endsWith(".json"))) {
      for (JsonNode panel : new ObjectMapper().readTree(dashboard).path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asText()
              .replace("$__range", "1h").replace("$job", ".*").replace("$provider", ".*").replace("$model", ".*");
          rules.append("      - record: dashboard:query_").append(queries++).append("\n")
              .append("        expr: '").append(expr.replace("'", "''")).append("'\n");
        }
      }
    }
    assumeTrue(queries > 0);
    Path file = directory.resolve("dashboard-queries.yml");
    Files.writeString(file, rules, StandardCharsets.UTF_8);
    promtool(directory, "check", "rules", file.getFileName().toString());
  }

  private static void promtool(Path directory, String... arguments) throws IOException, InterruptedException {
    assumeTrue(new File("/usr/bin/promtool").canExecute() || onPath("promtool"),
        "promtool is not installed (apt-get install prometheus); .ci/run installs it");
    List<String> command = new ArrayList<>();
    command.add("promtool");
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(2, TimeUnit.MINUTES);
    assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
  }

  private static boolean onPath(String program) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(directory, program).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
