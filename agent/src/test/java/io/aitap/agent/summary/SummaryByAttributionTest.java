package io.aitap.agent.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.attribution.Attribution;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.slo.SloParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The exit summary grouped by an attribution key, and SLOs scoped by one. */
class SummaryByAttributionTest {

  private static final Attribution TEAMS = Attribution.fromConfig(
      new AitapConfig(props("aitap.attribution.headers", "X-Team"), Map.of()));

  private static Properties props(String key, String value) {
    Properties properties = new Properties();
    properties.setProperty(key, value);
    return properties;
  }

  private static void call(TerminalSummary summary, String team, int status) {
    AiEndpoint endpoint = new AiEndpoint("openai", new RecordingProtocol(), "api.openai.com", 443, "gpt-4o-mini");
    AiCall call = new AiCall(endpoint, summary, TEAMS);
    call.requestHeaders(name -> name.equals("X-Team") ? team : null);
    call.responseHead(new ResponseHead(status, name -> null));
    call.responseComplete();
  }

  private static String printed(TerminalSummary summary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    summary.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rowsAreGroupedByTheKeysValuesFirst() {
    TerminalSummary summary = new TerminalSummary(
        CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of())), List.of(), null, "team");
    call(summary, "payments", 200);
    call(summary, "payments", 429);
    call(summary, "search", 200);
    call(summary, null, 200);

    List<String> rows = printed(summary).lines().filter(line -> line.contains("gpt-4o-mini")).collect(Collectors.toList());
    assertEquals(3, rows.size(), rows.toString());
    assertTrue(rows.get(0).matches("-\\s+openai\\s+gpt-4o-mini\\s+1\\s+0\\.0%.*"), rows.get(0));
    assertTrue(rows.get(1).matches("payments\\s+openai\\s+gpt-4o-mini\\s+2\\s+50\\.0%.*"), rows.get(1));
    assertTrue(rows.get(2).matches("search\\s+openai\\s+gpt-4o-mini\\s+1\\s+0\\.0%.*"), rows.get(2));
  }

  @Test
  void anSloScopedByATeamCountsThatTeamsCallsOnly() {
    TerminalSummary summary = new TerminalSummary(CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of())),
        SloParser.parse(String.join("\n",
            "slos:",
            "  - name: payments",
            "    selector: {attribution: {team: payments}}",
            "    availability: {objective: 99}",
            "")),
        null);
    call(summary, "payments", 200);
    call(summary, "payments", 500);
    call(summary, "search", 200);
    call(summary, null, 200);

    String table = printed(summary);
    assertTrue(table.matches("(?s).*payments\\s+availability 99%\\s+50\\.00% good of 2\\s+MISSED\\n.*"), table);
  }
}
