package io.aitap.agent.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TerminalSummaryTest {

  @Test
  void latencyQuantilesAreWithinFivePercent() {
    LatencySketch sketch = new LatencySketch();
    for (int i = 1; i <= 1000; i++) {
      sketch.add(i / 1000.0);
    }
    assertEquals(0.50, sketch.quantile(0.50), 0.50 * 0.05);
    assertEquals(0.95, sketch.quantile(0.95), 0.95 * 0.05);
    assertEquals(0.99, sketch.quantile(0.99), 0.99 * 0.05);
    assertEquals(1000, sketch.count());
    assertTrue(Double.isNaN(new LatencySketch().quantile(0.5)));
  }

  @Test
  void printsOneRowPerProviderAndModelWithErrorsTokensAndCost() {
    TerminalSummary summary = new TerminalSummary(CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of())));
    RecordingProtocol protocol = new RecordingProtocol();
    AiEndpoint endpoint = new AiEndpoint("openai", protocol, "api.openai.com", 443, "gpt-4o-mini");
    for (int status : new int[] {200, 200, 200, 429}) {
      AiCall call = new AiCall(endpoint, summary);
      call.responseHead(new ResponseHead(status, name -> null));
      if (status == 200) {
        call.response().model = "gpt-4o-mini-2024-07-18";
        call.response().inputTokens = 1_000_000L;
        call.response().outputTokens = 0L;
      }
      call.responseComplete();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    summary.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);

    String row = table.lines().filter(line -> line.startsWith("openai ")).findFirst().orElseThrow();
    assertTrue(row.matches("openai\\s+gpt-4o-mini\\s+4\\s+25\\.0%.*\\s3000000\\s+0\\s+0\\.450000"), row);
  }

  @Test
  void marksEachObjectiveOfTheSloFileMetOrMissed() {
    TerminalSummary summary = new TerminalSummary(CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of())),
        SloParser.parse(String.join("\n",
            "slos:",
            "  - name: checkout",
            "    selector: {service: checkout, provider: openai}",
            "    availability:",
            "      - {objective: 99.9, failures: [server_error]}",
            "      - {objective: 70}",
            "      - {objective: 99}",
            "    latency: {objective: 95, threshold: 40.96}",
            "    time_to_first_token: {objective: 95, threshold: 1}",
            "  - name: elsewhere",
            "    selector: {service: search}",
            "    availability: {objective: 99}",
            "")),
        "checkout");
    AiEndpoint endpoint = new AiEndpoint("openai", new RecordingProtocol(), "api.openai.com", 443, "gpt-4o-mini");
    for (int status : new int[] {200, 200, 200, 429}) {
      AiCall call = new AiCall(endpoint, summary);
      call.responseHead(new ResponseHead(status, name -> null));
      call.responseComplete();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    summary.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);

    // the 429 is rate_limited: no server error, but one failure in four
    assertTrue(table.matches("(?s).*checkout\\s+availability 99\\.9%\\s+100\\.00% good of 4\\s+met\\n.*"), table);
    assertTrue(table.matches("(?s).*checkout\\s+availability 70%\\s+75\\.00% good of 4\\s+met\\n.*"), table);
    assertTrue(table.matches("(?s).*checkout\\s+availability 99%\\s+75\\.00% good of 4\\s+MISSED\\n.*"), table);
    assertTrue(table.matches("(?s).*checkout\\s+latency 95% under 40\\.96 s\\s+100\\.00% good of 4\\s+met\\n.*"), table);
    assertTrue(table.matches("(?s).*checkout\\s+time_to_first_token 95% under 1 s\\s+no calls\\n.*"), table);
    assertTrue(table.matches("(?s).*elsewhere\\s+availability 99%\\s+no calls\\n.*"), table);
  }
}
