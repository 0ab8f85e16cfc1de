package io.aitap.agent.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.ResponseFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCalculatorTest {

  private final CostCalculator bundled = CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of()));

  @Test
  void findsModelsByTheIdsTheyArriveWith() {
    assertModel("openai/gpt-4o-mini", "gpt-4o-mini-2024-07-18", "api.openai.com");
    assertModel("openrouter/openai/gpt-4o", "openai/gpt-4o", "openrouter.ai");
    assertModel("aws/regional.anthropic.claude-sonnet-4-20250514-v1:0", "us.anthropic.claude-sonnet-4-20250514-v1:0",
        "bedrock-runtime.us-east-1.amazonaws.com");
    assertModel("google/claude-sonnet-4-5", "claude-sonnet-4-5@20250929", "us-east5-aiplatform.googleapis.com");
    assertModel("anthropic/claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "api.anthropic.com");
    assertModel("x-ai/grok-4-0709", "grok-4-0709", "api.x.ai");
    assertModel("google/gemini-2.0-flash", "gemini-2.0-flash-001", "us-central1-aiplatform.googleapis.com");
    assertModel("openai/gpt-4o-mini", "gpt-4o-mini", "api.relay.example");
    assertModel("anthropic/claude-haiku-4-5", "claude-haiku-4-5", null);
    assertModel("openai/text-embedding-3-small", "text-embedding-3-small", "llm-gateway.internal");
    assertNull(bundled.priceFor("in-house-7b", "api.openai.com"), "a model with no price stays unpriced");
    assertNull(bundled.priceFor("chat-prod-4o", "contoso.openai.azure.com"), "a deployment name is no model");
    assertSame(bundled.priceFor("grok-4-0709", "api.x.ai"), bundled.priceFor("grok-4-0709", "api.x.ai"));
  }

  @Test
  void anthropicCacheWritesCostByHowLongTheyAreKept() {
    ResponseFacts usage = usage(40_000, 10_000, 8_000, 2_000);
    usage.cacheCreation5mInputTokens = 5_000L;
    usage.cacheCreation1hInputTokens = 3_000L;
    // claude-sonnet-4-6: input 3, 5-minute writes 3.75, 1-hour writes 6, reads 0.30, output 15
    double expected = (22_000 * 3.00 + 5_000 * 3.75 + 3_000 * 6.00 + 10_000 * 0.30 + 2_000 * 15.00) / 1e6;
    assertEquals(expected, costUsd(bundled, "claude-sonnet-4-6", "api.anthropic.com", usage), 1e-12);
  }

  @Test
  void longPromptsCostTheirTierForEveryToken() {
    ResponseFacts shortPrompt = usage(200_000, 0, 0, 1_000);
    ResponseFacts longPrompt = usage(200_001, 0, 0, 1_000);
    // gemini-2.5-pro: 1.25 in and 10 out up to 200k input tokens, 2.50 and 15 above
    assertEquals((200_000 * 1.25 + 1_000 * 10.0) / 1e6,
        costUsd(bundled, "gemini-2.5-pro", "generativelanguage.googleapis.com", shortPrompt), 1e-12);
    assertEquals((200_001 * 2.50 + 1_000 * 15.0) / 1e6,
        costUsd(bundled, "gemini-2.5-pro", "generativelanguage.googleapis.com", longPrompt), 1e-12);
  }

  @Test
  void bedrockRegionalProfilesCostTenPercentMoreThanGlobalOnes() {
    ResponseFacts usage = usage(10_000, 0, 0, 1_000);
    String host = "bedrock-runtime.us-east-1.amazonaws.com";
    double global = costUsd(bundled, "global.anthropic.claude-sonnet-4-5-20250929-v1:0", host, usage);
    double regional = costUsd(bundled, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", host, usage);
    assertEquals(global * 1.10, regional, 1e-12);
  }

  @Test
  void ownLinesOverrideTheListPerEndpointWithBlendedPricesAndAliases(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("prices.txt");
    Files.writeString(file, "# our negotiated price\ngpt-4o  2.00  8.00  1.00  -\n"
        + "*  blended  0.50  @api.holysheep.ai\n"
        + "claude-sonnet-4-5  2.40  12.00  0.24  3.00  @api.holysheep.ai\n");
    CostCalculator custom = withFile(file.toString(), "chat-prod-4o=gpt-4o");

    ResponseFacts usage = usage(1_000, 0, 0, 1_000);
    assertEquals(0.010, costUsd(custom, "gpt-4o-2024-11-20", "api.openai.com", usage), 1e-12);
    assertEquals(0.010, costUsd(custom, "chat-prod-4o", "contoso.openai.azure.com", usage), 1e-12);
    assertEquals(0.001, costUsd(custom, "gpt-4o", "api.holysheep.ai", usage), 1e-12, "the relay's blended price");
    assertEquals(0.0144, costUsd(custom, "claude-sonnet-4-5", "api.holysheep.ai", usage), 1e-12, "the relay's own line wins");
    assertEquals(0.018, costUsd(custom, "claude-sonnet-4-5", "api.anthropic.com", usage), 1e-12, "elsewhere the list price");
    assertTrue(custom.describeList(Instant.now()).contains("own lines come first"));
  }

  @Test
  void aGenaiPricesDataFileComesBeforeTheBundledListAndDatesItself(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("data.json");
    Files.writeString(file, "[{\"id\": \"acme\", \"name\": \"Acme\", \"api_pattern\": \"https://llm\\\\.acme\\\\.example\",\n"
        + " \"models\": [\n"
        + "  {\"id\": \"acme-1\", \"match\": {\"starts_with\": \"acme-1\"}, \"prices\": [\n"
        + "    {\"prices\": {\"input_mtok\": 1, \"output_mtok\": 2}},\n"
        + "    {\"constraint\": {\"type\": \"start_date\", \"start_date\": \"2026-06-01\"}, \"prices\": {\"input_mtok\": 2, \"output_mtok\": 4}},\n"
        + "    {\"constraint\": {\"type\": \"time_of_date\", \"start_time\": \"22:00:00Z\", \"end_time\": \"06:00:00Z\"},\n"
        + "     \"prices\": {\"input_mtok\": 0.5, \"output_mtok\": 1, \"input_audio_mtok\": 9}}]},\n"
        + "  {\"id\": \"acme-search\", \"match\": {\"equals\": \"acme-search\"}, \"prices\": {\"web_searches_kcount\": 10}}]}]\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-20T00:00:00Z")));
    CostCalculator custom = withFile(file.toString(), null);

    ResponseFacts usage = usage(1_000_000, 0, 0, 1_000_000);
    assertEquals(3.0, custom.costUsd("acme-1", "llm.acme.example", usage, Instant.parse("2026-05-31T12:00:00Z")), 1e-9);
    assertEquals(6.0, custom.costUsd("acme-1-0601", "llm.acme.example", usage, Instant.parse("2026-06-01T12:00:00Z")), 1e-9);
    assertEquals(1.5, custom.costUsd("acme-1", "llm.acme.example", usage, Instant.parse("2026-06-01T23:00:00Z")), 1e-9,
        "the off-peak price spans midnight");
    assertNull(costUsd(custom, "acme-search", "llm.acme.example", usage), "a model with no token price stays unpriced");
    assertNotNull(custom.priceFor("gpt-4o", "api.openai.com"), "the bundled list still prices the rest");
    assertEquals(file.toString(), custom.listSource());
    assertEquals(10.5, custom.listAgeDays(Instant.parse("2026-11-30T12:00:00Z")), 1e-9);
  }

  @Test
  void readsGenaiPricesOwnDataFileFormat(@TempDir Path directory) throws IOException {
    Path file = directory.resolve("x-ai.json");
    try (InputStream sample = getClass().getResourceAsStream("genai-prices-x-ai.json")) {
      Files.copy(sample, file);
    }
    CostCalculator custom = withFile(file.toString(), null);
    ResponseFacts usage = usage(9_000, 3_000, 0, 2_600);
    assertEquals(costUsd(bundled, "grok-4-0709", "api.x.ai", usage), costUsd(custom, "grok-4-0709", "api.x.ai", usage), 1e-12);
    assertTrue(custom.priceFor("grok-4-0709", "api.x.ai").name().startsWith(file.toString()));
  }

  @Test
  void theBundledListSaysWhatItIsAndHowOldItIs() {
    Matcher described = Pattern.compile("genai-prices \\d+\\.\\d+\\.\\d+ of (\\d{4}-\\d\\d-\\d\\d), (\\d+) days old")
        .matcher(bundled.describeList(Instant.now()));
    assertTrue(described.matches(), bundled.describeList(Instant.now()));
    Instant published = LocalDate.parse(described.group(1)).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    assertEquals(91.25, bundled.listAgeDays(published.plus(Duration.ofHours(91 * 24 + 6))), 1e-9);
  }

  @Test
  void noUsageMeansNoCost() {
    assertNull(costUsd(bundled, "gpt-4o", "api.openai.com", new ResponseFacts(() -> {})));
    assertNotNull(bundled.priceFor("gpt-4o", "api.openai.com"));
  }

  private void assertModel(String expected, String model, String host) {
    PricedModel found = bundled.priceFor(model, host);
    assertNotNull(found, model + " at " + host);
    assertTrue(found.name().endsWith(" " + expected), model + " at " + host + " is " + found.name());
  }

  private static CostCalculator withFile(String file, String aliases) {
    Properties properties = new Properties();
    properties.setProperty("aitap.pricing.file", file);
    if (aliases != null) {
      properties.setProperty("aitap.pricing.aliases", aliases);
    }
    return CostCalculator.fromConfig(new AitapConfig(properties, Map.of()));
  }

  private static ResponseFacts usage(long input, long cacheRead, long cacheWrite, long output) {
    ResponseFacts facts = new ResponseFacts(() -> {});
    facts.inputTokens = input;
    facts.cacheReadInputTokens = cacheRead;
    facts.cacheCreationInputTokens = cacheWrite;
    facts.outputTokens = output;
    return facts;
  }

  private static Double costUsd(CostCalculator costs, String model, String endpoint, ResponseFacts usage) {
    return costs.costUsd(model, endpoint, usage, Instant.now());
  }
}
