package io.aitap.agent.cost;

import io.aitap.agent.AgentLog;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.ResponseFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a call cost in USD: the bundled price list, overridden and extended by
 * {@code aitap.pricing.file}, Azure deployment names mapped to models by
 * {@code aitap.pricing.aliases}. A model without a price gets no cost, never $0.
 */
public final class CostCalculator {

  /** Buckets of the {@code gen_ai.usage.cost} histogram, USD per call. */
  public static final List<Double> COST_BUCKETS =
      List.of(0.00001, 0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

  private final PriceTable table;
  private final Map<String, String> aliases;

  CostCalculator(PriceTable table, Map<String, String> aliases) {
    this.table = table;
    this.aliases = aliases;
  }

  public static CostCalculator fromConfig(AitapConfig config) {
    PriceTable table = new PriceTable();
    try (InputStream bundled = CostCalculator.class.getResourceAsStream("prices.txt")) {
      table.read(new InputStreamReader(bundled, StandardCharsets.UTF_8), "bundled prices");
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("aitap could not read its bundled prices", e);
    }
    String file = config.get("aitap.pricing.file");
    if (file != null) {
      try (Reader reader = Files.newBufferedReader(Paths.get(file), StandardCharsets.UTF_8)) {
        table.read(reader, file);
      } catch (IOException | RuntimeException e) {
        AgentLog.warn("aitap ignores the prices in " + file, e);
      }
    }
    return new CostCalculator(table, parseAliases(config.get("aitap.pricing.aliases")));
  }

  /** The price that applies to {@code model} at {@code endpoint}, or null. */
  public Price priceFor(String model, String endpoint) {
    if (model == null) {
      return null;
    }
    String alias = aliases.get(model.toLowerCase(Locale.ROOT));
    String id = ModelIds.normalised(alias != null ? alias : model);
    Price price = table.find(id, endpoint);
    return price != null ? price : table.find(ModelIds.undated(id), endpoint);
  }

  /** USD for a call with usage, or null when its model has no price. */
  public Double costUsd(String model, String endpoint, ResponseFacts usage) {
    Price price = priceFor(model, endpoint);
    if (price == null || !usage.hasUsage()) {
      return null;
    }
    return price.costUsd(orZero(usage.inputTokens), orZero(usage.cacheReadInputTokens),
        orZero(usage.cacheCreationInputTokens), orZero(usage.outputTokens));
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  private static Map<String, String> parseAliases(String value) {
    Map<String, String> aliases = new HashMap<>();
    if (value != null) {
      for (String entry : value.split(",")) {
        int equals = entry.indexOf('=');
        if (equals > 0) {
          aliases.put(entry.substring(0, equals).trim().toLowerCase(Locale.ROOT), entry.substring(equals + 1).trim());
        }
      }
    }
    return aliases;
  }
}
