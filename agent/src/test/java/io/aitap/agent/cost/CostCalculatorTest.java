package io.aitap.agent.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.ResponseFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCalculatorTest {

  private final CostCalculator bundled = CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of()));

  @Test
  void modelIdsAreMatchedTheWayTheyArrive() {
    assertEquals("gpt-4o-mini", bundled.priceFor("gpt-4o-mini-2024-07-18", "api.openai.com").pattern);
    assertEquals("gpt-4o", bundled.priceFor("openai/gpt-4o", "openrouter.ai").pattern);
    assertEquals("claude-sonnet-4", bundled.priceFor("us.anthropic.claude-sonnet-4-20250514-v1:0", "bedrock-runtime.us-east-1.amazonaws.com").pattern);
    assertEquals("claude-sonnet-4-5", bundled.priceFor("claude-sonnet-4-5@20250929", "us-east5-aiplatform.googleapis.com").pattern);
    assertEquals("claude-sonnet-4-5", bundled.priceFor("claude-sonnet-4-5-20250929", "api.anthropic.com").pattern);
    assertEquals("nova-lite", bundled.priceFor("amazon.nova-lite-v1:0", "bedrock").pattern);
    assertEquals("mistral-large*", bundled.priceFor("mistral-large-latest", "api.mistral.ai").pattern);
    assertEquals("command-a*", bundled.priceFor("command-a-03-2025", "api.cohere.com").pattern);
    assertEquals("o4-mini", bundled.priceFor("o4-mini-2025-04-16", "api.openai.com").pattern);
    assertNull(bundled.priceFor("gpt-4o-realtime-preview", "api.openai.com"), "a model with no price stays unpriced");
    assertNull(bundled.priceFor("chat-prod-4o", "contoso.openai.azure.com"), "a deployment name is no model");
  }

  @Test
  void anthropicUsageCostsEachKindOfTokenAtItsOwnPrice() {
    ResponseFacts usage = usage(9628, 8192, 1024, 96);
    // 412 uncached at 3.00, 8192 reads at 0.30, 1024 writes at 3.75, 96 output at 15.00
    double expected = (412 * 3.00 + 8192 * 0.30 + 1024 * 3.75 + 96 * 15.00) / 1e6;
    assertEquals(expected, bundled.costUsd("claude-sonnet-4-5-20250929", "api.anthropic.com", usage), 1e-12);
  }

  @Test
  void geminiThinkingIsPricedAsOutput() {
    ResponseFacts usage = usage(12850, 12288, 0, 214 + 892);
    double expected = (562 * 0.30 + 12288 * 0.075 + 1106 * 2.50) / 1e6;
    assertEquals(expected, bundled.costUsd("gemini-2.5-flash", "generativelanguage.googleapis.com", usage), 1e-12);
  }

  @Test
  void aFileOverridesPricesPerEndpointWithBlendedPricesAndAliases(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("prices.txt");
    Files.writeString(file, "# our negotiated price\ngpt-4o  2.00  8.00  1.00  -\n"
        + "*  blended  0.50  @api.holysheep.ai\n"
        + "claude-sonnet-4-5  2.40  12.00  0.24  3.00  @api.holysheep.ai\n");
    Properties properties = new Properties();
    properties.setProperty("aitap.pricing.file", file.toString());
    properties.setProperty("aitap.pricing.aliases", "chat-prod-4o=gpt-4o");
    CostCalculator custom = CostCalculator.fromConfig(new AitapConfig(properties, Map.of()));

    ResponseFacts usage = usage(1_000_000, 0, 0, 1_000_000);
    assertEquals(10.00, custom.costUsd("gpt-4o-2024-11-20", "api.openai.com", usage), 1e-9);
    assertEquals(10.00, custom.costUsd("chat-prod-4o", "contoso.openai.azure.com", usage), 1e-9);
    assertEquals(1.00, custom.costUsd("gpt-4o", "api.holysheep.ai", usage), 1e-9, "the relay's blended price");
    assertEquals(14.40, custom.costUsd("claude-sonnet-4-5", "api.holysheep.ai", usage), 1e-9, "the relay's own line wins");
    assertEquals(18.00, custom.costUsd("claude-sonnet-4-5", "api.anthropic.com", usage), 1e-9, "elsewhere the list price");
  }

  @Test
  void noUsageMeansNoCost() {
    assertNull(bundled.costUsd("gpt-4o", "api.openai.com", new ResponseFacts(() -> {})));
    assertNotNull(bundled.priceFor("gpt-4o", "api.openai.com"));
  }

  private static ResponseFacts usage(long input, long cacheRead, long cacheWrite, long output) {
    ResponseFacts facts = new ResponseFacts(() -> {});
    facts.inputTokens = input;
    facts.cacheReadInputTokens = cacheRead;
    facts.cacheCreationInputTokens = cacheWrite;
    facts.outputTokens = output;
    return facts;
  }
}
