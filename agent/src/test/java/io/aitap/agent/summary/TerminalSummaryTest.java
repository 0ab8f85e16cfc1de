package io.aitap.agent.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ResponseHead;
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
      AiCall call = new AiCall(endpoint, summary, null);
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
}
