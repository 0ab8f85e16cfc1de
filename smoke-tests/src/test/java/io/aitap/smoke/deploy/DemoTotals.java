package io.aitap.smoke.deploy;

import static io.aitap.demo.DemoProvider.CHAT_CACHED_INPUT;
import static io.aitap.demo.DemoProvider.CHAT_INPUT;
import static io.aitap.demo.DemoProvider.CHAT_OUTPUT;
import static io.aitap.demo.DemoProvider.CHAT_REASONING_OUTPUT;
import static io.aitap.demo.DemoProvider.EMBEDDING_INPUT;
import static io.aitap.demo.DemoProvider.STREAM_INPUT;
import static io.aitap.demo.DemoProvider.STREAM_OUTPUT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitap.demo.DemoService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What the demo's rounds add up to, from its script and its provider's answers: each round makes
 * a plain chat call, a stream with usage, a stream without usage, a call the provider rate-limits
 * and an embeddings call; the first round also makes a plain chat call to a model without a price.
 * Costs come from the bundled price list the agent prices with.
 */
final class DemoTotals {

  static final Path PRICES = Paths.get("../agent/prices/genai-prices.json").toAbsolutePath().normalize();

  private static final int CALLS_PER_ROUND = 5;

  private final int rounds;

  DemoTotals(int rounds) {
    this.rounds = rounds;
  }

  long calls() {
    return (long) rounds * CALLS_PER_ROUND + unpricedCalls();
  }

  long rateLimitedCalls() {
    return rounds;
  }

  long unpricedCalls() {
    return 1;
  }

  /** The plain chat calls, the stream with usage and the embeddings; the other stream and the 429 report none. */
  long inputTokens() {
    return (long) rounds * (CHAT_INPUT + STREAM_INPUT + EMBEDDING_INPUT) + unpricedCalls() * CHAT_INPUT;
  }

  /** Embeddings have no output. */
  long outputTokens() {
    return (long) rounds * (CHAT_OUTPUT + STREAM_OUTPUT) + unpricedCalls() * CHAT_OUTPUT;
  }

  /** Only plain answers report cache reads and reasoning. */
  long cacheReadTokens() {
    return (rounds + unpricedCalls()) * CHAT_CACHED_INPUT;
  }

  long reasoningTokens() {
    return (rounds + unpricedCalls()) * CHAT_REASONING_OUTPUT;
  }

  /** The unpriced model's call costs nothing known, so it adds nothing. */
  double costUsd() {
    JsonNode chat = prices(DemoService.MODEL);
    JsonNode embeddings = prices(DemoService.EMBEDDING_MODEL);
    return rounds * (usd(chat, CHAT_INPUT, CHAT_CACHED_INPUT, CHAT_OUTPUT)
        + usd(chat, STREAM_INPUT, 0, STREAM_OUTPUT)
        + usd(embeddings, EMBEDDING_INPUT, 0, 0));
  }

  /**
   * Uncached input at the input price, cache reads at the cache-read price, output (reasoning
   * included) at the output price; no cache-read price means cache reads cost as input.
   */
  private static double usd(JsonNode prices, long input, long cacheRead, long output) {
    double inputPrice = prices.get("input_mtok").asDouble();
    return ((input - cacheRead) * inputPrice + cacheRead * prices.path("cache_read_mtok").asDouble(inputPrice)
        + output * prices.path("output_mtok").asDouble(0)) / 1e6;
  }

  /**
   * OpenAI's prices for exactly {@code model} in the bundled genai-prices list, where the demo's
   * models have one flat price: USD per million tokens by genai-prices' keys.
   */
  private static JsonNode prices(String model) {
    try {
      for (JsonNode provider : new ObjectMapper().readTree(PRICES.toFile()).get("providers")) {
        if (!provider.get("id").asText().equals("openai")) {
          continue;
        }
        for (JsonNode entry : provider.get("models")) {
          if (entry.get("id").asText().equals(model)) {
            return entry.get("prices");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError(model + " has no entry of OpenAI's in " + PRICES);
  }
}
