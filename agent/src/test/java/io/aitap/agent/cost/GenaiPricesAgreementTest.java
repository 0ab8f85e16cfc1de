package io.aitap.agent.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.ResponseFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * aitap prices the calls of genai-prices-cases.tsv as genai-prices itself does: the figures come
 * from genai-prices' own calculation, written by agent/prices/regenerate.py with the bundled list.
 */
class GenaiPricesAgreementTest {

  private static final CostCalculator BUNDLED = CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of()));

  static Stream<String[]> cases() throws IOException {
    try (InputStream tsv = GenaiPricesAgreementTest.class.getResourceAsStream("genai-prices-cases.tsv")) {
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(tsv.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          rows.add(line.split("\t"));
        }
      }
      return rows.stream();
    }
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("cases")
  void agreesWithinOnePercent(String model, String host, String input, String cacheRead, String cacheWrite,
      String cacheWrite1h, String output, String reasoning, String at, String usd, String genaiModel) {
    ResponseFacts usage = new ResponseFacts(() -> {});
    usage.inputTokens = Long.valueOf(input);
    usage.cacheReadInputTokens = Long.valueOf(cacheRead);
    usage.cacheCreationInputTokens = Long.valueOf(cacheWrite);
    usage.cacheCreation1hInputTokens = Long.valueOf(cacheWrite1h);
    usage.outputTokens = Long.valueOf(output);
    usage.reasoningOutputTokens = Long.valueOf(reasoning);
    double expected = Double.parseDouble(usd);

    Double actual = BUNDLED.costUsd(model, host, usage, Instant.parse(at));

    assertNotNull(actual, model + " at " + host + " has no price; genai-prices prices it as " + genaiModel);
    assertTrue(expected > 0, "a case that costs nothing proves nothing");
    assertEquals(expected, actual, expected * 0.01, model + " at " + host + " (" + genaiModel + ")");
    assertTrue(BUNDLED.priceFor(model, host).name().endsWith(" " + genaiModel),
        model + " at " + host + " is priced as " + BUNDLED.priceFor(model, host).name() + ", genai-prices uses " + genaiModel);
  }

  @Test
  void theCasesCoverEveryProviderOfTheIssueAndEveryRule() throws IOException {
    Set<String> providers = new TreeSet<>();
    boolean cacheWrites1h = false;
    boolean tiers = false;
    boolean regional = false;
    long count = 0;
    for (String[] row : (Iterable<String[]>) cases()::iterator) {
      count++;
      providers.add(row[10].substring(0, row[10].indexOf('/')));
      cacheWrites1h |= !row[5].equals("0");
      tiers |= Long.parseLong(row[2]) > 200_000;
      regional |= row[0].matches("(us|eu|apac)\\..*");
    }
    assertTrue(count >= 40, count + " cases");
    assertTrue(providers.containsAll(List.of("openai", "anthropic", "google", "deepseek", "mistral", "x-ai", "openrouter", "aws")),
        providers.toString());
    assertTrue(cacheWrites1h && tiers && regional);
  }
}
