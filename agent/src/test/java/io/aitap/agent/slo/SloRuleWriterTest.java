package io.aitap.agent.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class SloRuleWriterTest {

  private static final Path DEPLOY = Paths.get("../deploy").toAbsolutePath().normalize();

  private static String rules(String yaml) {
    return SloRuleWriter.write(SloParser.parse(yaml), "slo.yaml");
  }

  @Test
  void theCommittedRulesAreWhatDeploySloYamlGenerates() throws Exception {
    String generated = SloRuleWriter.write(SloParser.read(DEPLOY.resolve("slo.yaml")), "slo.yaml");
    String committed = Files.readString(DEPLOY.resolve("prometheus/rules/aitap-slo.rules.yml"), StandardCharsets.UTF_8);
    assertEquals(committed, generated, "deploy/prometheus/rules/aitap-slo.rules.yml is stale: regenerate it with "
        + "java -jar agent/target/aitap-agent.jar slo deploy/slo.yaml -o deploy/prometheus/rules/aitap-slo.rules.yml");
  }

  @Test
  void burnRateThresholdsAreTheWorkbookFactorsTimesTheErrorBudget() {
    String rules = rules("slos:\n  - name: a\n    availability: {objective: 99.5}\n");
    String selector = "{slo=\"a\",sli=\"availability\",objective=\"99.5\"}";
    assertTrue(rules.contains("aitap_slo:sli_error:ratio_rate1h" + selector + " > 0.072\n"), rules);
    assertTrue(rules.contains("and aitap_slo:sli_error:ratio_rate5m" + selector + " > 0.072\n"), rules);
    assertTrue(rules.contains("aitap_slo:sli_error:ratio_rate6h" + selector + " > 0.03\n"), rules);
    assertTrue(rules.contains("and aitap_slo:sli_error:ratio_rate30m" + selector + " > 0.03\n"), rules);
    assertTrue(rules.contains("aitap_slo:sli_error:ratio_rate1d" + selector + " > 0.015\n"), rules);
    assertTrue(rules.contains("aitap_slo:sli_error:ratio_rate3d" + selector + " > 0.005\n"), rules);
    assertTrue(rules.contains("expr: 1 - aitap_slo:sli_error:ratio_rate30d" + selector + " / 0.005\n"), rules);
    assertTrue(rules.contains("expr: vector(0.995)\n"), rules);
    for (String window : new String[] {"5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d"}) {
      assertTrue(rules.contains("- record: aitap_slo:sli_error:ratio_rate" + window + "\n"), window);
    }
    assertFalse(rules.contains("aitap-slo-cost"), "no cost group without a budget");
  }

  @Test
  void ratiosNeedCallsAndKeepToTheSelector() {
    String rules = rules("slos:\n  - name: a\n    selector: {service: checkout, model: \"gpt-4o\"}\n"
        + "    availability: {objective: 99, failures: [timeout, server_error]}\n"
        + "    time_to_first_token: {objective: 95, threshold: 1}\n");
    String calls = "sum(rate(gen_ai_client_operation_duration_seconds_count{job=\"checkout\",gen_ai_request_model=\"gpt-4o\"}[5m]))";
    assertTrue(rules.contains("(sum(rate(gen_ai_client_operation_duration_seconds_count{job=\"checkout\",gen_ai_request_model=\"gpt-4o\","
        + "aitap_error_category=~\"timeout|server_error\"}[5m])) or " + calls + " * 0)\n"
        + "            / (" + calls + " > 0)\n"), rules);
    // a whole boundary is written "1" by the collector and "1.0" by Java's Prometheus client
    assertTrue(rules.contains("gen_ai_client_operation_time_to_first_chunk_seconds_bucket{job=\"checkout\","
        + "gen_ai_request_model=\"gpt-4o\",le=~\"1(\\\\.0)?\"}[1h]"), rules);
    assertTrue(rules.contains("          job: \"checkout\"\n          gen_ai_request_model: \"gpt-4o\"\n"), rules);
  }

  @Test
  void aCostBudgetGivesSpendForecastAndOneWarningPerLevel() {
    String rules = rules("slos:\n  - name: a\n    selector: {provider: openai}\n"
        + "    cost: {monthly_budget_usd: 720, warning_levels: [0.5, 0.9], spike_factor: 4}\n");
    assertTrue(rules.contains("sum(increase(gen_ai_usage_cost_USD_sum{gen_ai_provider_name=\"openai\"}[1h]))"), rules);
    assertTrue(rules.contains("expr: sum(aitap_slo:cost_usd:month_to_date{slo=\"a\"}) / 720\n"), rules);
    assertTrue(rules.contains("expr: aitap_slo:cost_budget_spent:ratio{slo=\"a\"} >= 0.5\n"), rules);
    assertTrue(rules.contains("expr: aitap_slo:cost_budget_spent:ratio{slo=\"a\"} >= 0.9\n"), rules);
    assertTrue(rules.contains("expr: aitap_slo:cost_usd:forecast_month_end{slo=\"a\"} > 720\n"), rules);
    // an evenly spread hour of 720 USD a month is 1 USD
    assertTrue(rules.contains(" > 4 * (sum(rate(gen_ai_usage_cost_USD_sum{gen_ai_provider_name=\"openai\"}[1d] offset 1h)) * 3600"
        + " or vector(0))\n"), rules);
    assertTrue(rules.contains("[1h])) > 1\n"), rules);
    assertFalse(rules.contains("record: aitap_slo:sli_error"), "no objectives, no SLI series");
  }
}
