package io.aitap.agent.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloParserTest {

  private static String error(String yaml) {
    return assertThrows(IllegalArgumentException.class, () -> SloParser.parse(yaml)).getMessage();
  }

  @Test
  void readsSelectorObjectivesAndBudget() {
    List<Slo> slos = SloParser.parse(String.join("\n",
        "slos:",
        "  - name: checkout",
        "    selector: {service: checkout, provider: openai, model: gpt-4o, operation: chat}",
        "    window: 4w",
        "    availability: {objective: 99.9, failures: [server_error, timeout]}",
        "    latency:",
        "      - {objective: 95, threshold: 2.56}",
        "    time_to_first_token:",
        "      - {objective: 99, threshold: 1}",
        "    cost: {monthly_budget_usd: 500, warning_levels: [0.8, 1]}",
        ""));
    Slo slo = slos.get(0);
    assertEquals("checkout", slo.name);
    assertEquals(28 * 86400, slo.windowSeconds);
    assertEquals("{job=checkout, gen_ai_provider_name=openai, gen_ai_request_model=gpt-4o, gen_ai_operation_name=chat}",
        slo.selector.labels().toString());
    assertEquals(List.of("availability 99.9%", "latency 95% under 2.56 s", "time_to_first_token 99% under 1 s"),
        slo.objectives.stream().map(Objective::describe).collect(java.util.stream.Collectors.toList()));
    assertEquals(new BigDecimal("0.001"), slo.objectives.get(0).errorBudget());
    assertEquals(List.of("server_error", "timeout"), slo.objectives.get(0).failureCategories);
    assertEquals(0, new BigDecimal("500").compareTo(slo.cost.monthlyUsd));
    assertEquals(2, slo.cost.warningLevels.size());
    assertEquals(0, BigDecimal.valueOf(3).compareTo(slo.cost.spikeFactor));
  }

  @Test
  void aLatencyThresholdBetweenBucketsIsRejectedWithTheBoundariesThatExist() {
    String message = error("slos:\n  - name: a\n    latency:\n      - {objective: 95, threshold: 3}\n");
    assertTrue(message.startsWith("slos[0].latency[0].threshold: 3 s is not a bucket boundary of the "
        + "gen_ai.client.operation.duration histogram"), message);
    assertTrue(message.endsWith("the boundaries are 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, "
        + "10.24, 20.48, 40.96, 81.92"), message);
  }

  @Test
  void aTimeToFirstTokenThresholdIsCheckedAgainstItsOwnHistogram() {
    // 2.56 is a duration boundary, not a time-to-first-chunk one
    String message = error("slos:\n  - name: a\n    time_to_first_token: {objective: 95, threshold: 2.56}\n");
    assertTrue(message.contains("gen_ai.client.operation.time_to_first_chunk histogram"), message);
    assertTrue(message.endsWith("0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10"), message);
  }

  @Test
  void namesThePlaceOfEveryOtherMistake() {
    assertEquals("slos[0]: unknown key 'latncy'; known keys: availability, cost, latency, name, selector, "
        + "time_to_first_token, window", error("slos:\n  - name: a\n    latncy: []\n"));
    assertEquals("slos[0].availability[0].objective: 0.999 looks like a ratio; objectives are percentages (write 99.9 for 99.9 %)",
        error("slos:\n  - name: a\n    availability: {objective: 0.999}\n"));
    assertEquals("slos[0].availability[0].objective: 100 is not a percentage between 0 and 100 (write 99.9 for 99.9 %)",
        error("slos:\n  - name: a\n    availability: {objective: 100}\n"));
    assertEquals("slos[0].window: 1d is shorter than 3d, the longest window of the burn-rate alerts",
        error("slos:\n  - name: a\n    window: 1d\n    availability: {objective: 99}\n"));
    assertEquals("slos[0].window: '30 days' is not a duration such as 30d, 4w or 720h",
        error("slos:\n  - name: a\n    window: 30 days\n    availability: {objective: 99}\n"));
    assertEquals("slos[1].name: 'a' is used twice",
        error("slos:\n  - {name: a, availability: {objective: 99}}\n  - {name: a, availability: {objective: 99}}\n"));
    assertEquals("slos[0]: latency 95% under 2.56 s is set twice",
        error("slos:\n  - name: a\n    latency: [{objective: 95, threshold: 2.56}, {objective: 95, threshold: 2.56}]\n"));
    assertEquals("slos[0].cost.warning_levels: 80 is not a share of the budget between 0 and 1 (0.8 warns at 80 %)",
        error("slos:\n  - name: a\n    cost: {monthly_budget_usd: 10, warning_levels: [80]}\n"));
    assertEquals("slos[0]: sets no objective and no cost budget", error("slos:\n  - name: a\n"));
    assertEquals("slos[0].latency[0].threshold: expected a number, found '2.56s'",
        error("slos:\n  - name: a\n    latency: {objective: 95, threshold: 2.56s}\n"));
    assertTrue(error("slos: [\n").startsWith("not valid YAML: "));
  }
}
