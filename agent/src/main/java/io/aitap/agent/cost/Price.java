package io.aitap.agent.cost;

import io.aitap.agent.protocol.ResponseFacts;
import java.io.DataOutput;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The prices of one model at one time, by genai-prices' price keys. Each token is priced once, at
 * the most specific price it has: a 1-hour cache write at {@code cache_write_1h_mtok} if the model
 * has one, else as any cache write, else as input; a reasoning token at {@code output_reasoning_mtok},
 * else as output. So a missing cache price means cache tokens cost as input.
 */
public final class Price {
  /** genai-prices' price keys that aitap applies; the others need counts it does not read. */
  enum Key {
    INPUT("input_mtok"),
    OUTPUT("output_mtok"),
    CACHE_READ("cache_read_mtok"),
    CACHE_WRITE("cache_write_mtok"),
    CACHE_WRITE_5M("cache_write_5m_mtok"),
    CACHE_WRITE_1H("cache_write_1h_mtok"),
    REASONING("output_reasoning_mtok"),
    REQUESTS("requests_kcount");

    /** As the price list spells it. */
    final String listed;

    Key(String listed) {
      this.listed = listed;
    }
  }

  private final Rate input;
  private final Rate output;
  private final Rate cacheRead;
  private final Rate cacheWrite;
  private final Rate cacheWrite5m;
  private final Rate cacheWrite1h;
  private final Rate reasoning;
  private final Rate requests;

  Price(Map<Key, Rate> rates) {
    input = rates.get(Key.INPUT);
    output = rates.get(Key.OUTPUT);
    cacheRead = rates.get(Key.CACHE_READ);
    cacheWrite = rates.get(Key.CACHE_WRITE);
    cacheWrite5m = rates.get(Key.CACHE_WRITE_5M);
    cacheWrite1h = rates.get(Key.CACHE_WRITE_1H);
    reasoning = rates.get(Key.REASONING);
    requests = rates.get(Key.REQUESTS);
  }

  /**
   * Writes the prices of a price list's JSON entry (null for none) in the form {@link #read} reads:
   * which keys have a price, then their rates; keys aitap does not apply are left out.
   */
  static void compile(Map<String, Object> json, DataOutput out) throws IOException {
    int present = 0;
    for (Key key : Key.values()) {
      Object rate = json == null ? null : json.get(key.listed);
      if (rate instanceof Number || rate instanceof Map) {
        present |= 1 << key.ordinal();
      }
    }
    out.writeByte(present);
    for (Key key : Key.values()) {
      if ((present & 1 << key.ordinal()) != 0) {
        Rate.compile(json.get(key.listed), out);
      }
    }
  }

  /** Reads what {@link #compile} wrote. */
  static Price read(CompiledInput in) {
    int present = in.unsignedByte();
    Map<Key, Rate> rates = new EnumMap<>(Key.class);
    for (Key key : Key.values()) {
      if ((present & 1 << key.ordinal()) != 0) {
        rates.put(key, Rate.read(in));
      }
    }
    return new Price(rates);
  }

  /** False for a model the list names without a price for tokens or requests: its calls stay unpriced. */
  boolean pricesCalls() {
    return input != null || output != null || requests != null;
  }

  /** USD for one call; {@code usage} holds the normalised counts (input with cache, output with reasoning). */
  double costUsd(ResponseFacts usage) {
    long in = count(usage.inputTokens);
    long write5m = cacheWrite5m == null ? 0 : count(usage.cacheCreation5mInputTokens);
    long write1h = cacheWrite1h == null ? 0 : count(usage.cacheCreation1hInputTokens);
    long write = cacheWrite == null ? 0 : Math.max(0, count(usage.cacheCreationInputTokens) - write5m - write1h);
    long read = cacheRead == null ? 0 : count(usage.cacheReadInputTokens);
    long uncached = Math.max(0, in - read - write - write5m - write1h);
    long thought = reasoning == null ? 0 : count(usage.reasoningOutputTokens);
    long out = Math.max(0, count(usage.outputTokens) - thought);
    double perMillion = usd(input, uncached, in) + usd(cacheRead, read, in) + usd(cacheWrite, write, in)
        + usd(cacheWrite5m, write5m, in) + usd(cacheWrite1h, write1h, in) + usd(output, out, in)
        + usd(reasoning, thought, in);
    return perMillion / 1e6 + (requests == null ? 0 : requests.at(in) / 1e3);
  }

  private static double usd(Rate rate, long tokens, long input) {
    return rate == null || tokens == 0 ? 0 : rate.at(input) * tokens;
  }

  private static long count(Long value) {
    return value == null ? 0 : value;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    append(text, "input", input);
    append(text, "output", output);
    append(text, "cache read", cacheRead);
    append(text, "cache write", cacheWrite);
    append(text, "5-minute cache write", cacheWrite5m);
    append(text, "1-hour cache write", cacheWrite1h);
    append(text, "reasoning", reasoning);
    if (text.length() > 0) {
      text.append(" (USD per 1M tokens)");
    }
    if (requests != null) {
      text.append(text.length() > 0 ? ", " : "").append("per 1000 requests ").append(requests);
    }
    if (cacheRead == null || cacheWrite == null) {
      text.append("; cache tokens without a price of their own cost as input");
    }
    return text.toString();
  }

  private static void append(StringBuilder text, String name, Rate rate) {
    if (rate != null) {
      text.append(text.length() > 0 ? ", " : "").append(name).append(' ').append(rate);
    }
  }
}
