package io.aitap.agent.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Selectors scoped by attribution keys: the labels they become, the calls they match. */
class SloAttributionSelectorTest {

  private static Slo parse(String selector) {
    return SloParser.parse(String.join("\n",
        "slos:",
        "  - name: per-team",
        "    selector: " + selector,
        "    cost: {monthly_budget_usd: 100}",
        "")).get(0);
  }

  @Test
  void attributionKeysBecomeTheMetricLabelsTheyAreExportedAs() {
    Slo slo = parse("{service: checkout, attribution: {tenant: acme, team: payments, app.feature: refunds}}");
    assertEquals("{job=checkout, aitap_attribution_app_feature=refunds, aitap_attribution_team=payments, "
        + "aitap_attribution_tenant=acme}", slo.selector.labels().toString());
  }

  @Test
  void aCallMatchesWhenItCarriesEveryNamedValue() {
    SloSelector selector = parse("{attribution: {team: payments}}").selector;
    assertTrue(selector.matches("checkout", "openai", "gpt-4o", "chat", Map.of("team", "payments", "tenant", "acme")));
    assertFalse(selector.matches("checkout", "openai", "gpt-4o", "chat", Map.of("team", "search")));
    assertFalse(selector.matches("checkout", "openai", "gpt-4o", "chat", Map.of()));
  }

  @Test
  void aKeyNotWrittenAsAitapNamesItIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("{attribution: {X-Team: payments}}"));
    assertTrue(e.getMessage().startsWith("slos[0].selector.attribution: 'X-Team' is not an attribution key"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> parse("{attribution: payments}"));
    assertTrue(e.getMessage().startsWith("slos[0].selector.attribution: expected a mapping"), e.getMessage());
  }
}
