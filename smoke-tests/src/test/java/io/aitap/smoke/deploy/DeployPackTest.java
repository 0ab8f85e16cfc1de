package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks {@code deploy/} with the real promtool (Debian's prometheus package, which CI installs):
 * the Prometheus configuration, every rule file, the unit tests of every alert, and every
 * dashboard query as valid PromQL.
 */
class DeployPackTest {

  private static final Path PROMETHEUS = Paths.get("../deploy/prometheus").toAbsolutePath().normalize();
  private static final Path SLO_RESOURCES = Paths.get("src/test/resources/slo").toAbsolutePath();

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
    List<String> command = new ArrayList<>(List.of("test", "rules"));
    StringBuilder tests = new StringBuilder();
    for (File test : PROMETHEUS.resolve("tests").toFile().listFiles((dir, name) -> name.endsWith(".test.yml"))) {
      command.add(test.getName());
      tests.append(Files.readString(test.toPath(), StandardCharsets.UTF_8));
    }
    promtool(PROMETHEUS.resolve("tests"), command.toArray(new String[0]));
    for (String alert : RuleFiles.alertNames()) {
      assertTrue(tests.toString().contains("alertname: " + alert), alert + " has a unit test");
    }
  }

  /** The jar's slo command on an slo.yaml other than deploy's: its rules load and its TTFT objectives fire. */
  @Test
  void rulesGeneratedFromAnotherSloFileLoadAndFire(@TempDir Path directory) throws Exception {
    Path source = SLO_RESOURCES.resolve("two-services.slo.yaml");
    Path rules = directory.resolve("two-services.rules.yml");
    SloCommand.generate(source, rules);
    Files.copy(SLO_RESOURCES.resolve("two-services.test.yml"), directory.resolve("two-services.test.yml"));
    promtool(directory, "check", "rules", rules.getFileName().toString());
    promtool(directory, "test", "rules", "two-services.test.yml");
  }

  /** Cost budgets per team, on an attribution key: the rules the jar generates fire for that team alone. */
  @Test
  void perTeamBudgetRulesGeneratedFromSloFileFire(@TempDir Path directory) throws Exception {
    Path rules = directory.resolve("team-budgets.rules.yml");
    SloCommand.generate(SLO_RESOURCES.resolve("team-budgets.slo.yaml"), rules);
    Files.copy(SLO_RESOURCES.resolve("team-budgets.test.yml"), directory.resolve("team-budgets.test.yml"));
    promtool(directory, "check", "rules", rules.getFileName().toString());
    promtool(directory, "test", "rules", "team-budgets.test.yml");
  }

  @Test
  void everyDashboardQueryIsValidPromql(@TempDir Path directory) throws Exception {
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
    int queries = 0;
    for (Named<String> query : DashboardQueries.all()) {
      rules.append("      - record: dashboard:query_").append(queries++).append("\n")
          .append("        expr: '").append(query.getPayload().replace("'", "''")).append("'\n");
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
