package io.aitap.agent.cost;

import io.aitap.agent.AgentLog;
import io.aitap.agent.PairMemo;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.ResponseFacts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * What a call cost in USD. Prices come from the user's own price lines first, then from
 * genai-prices data files the user passes, then from the bundled list (genai-prices, trimmed);
 * all of them as {@code aitap.pricing.file}, comma-separated. Azure deployment names map to models
 * by {@code aitap.pricing.aliases}. A model without a price gets no cost, never $0. Each model and
 * endpoint is looked up once; later calls find the answer in a map.
 */
public final class CostCalculator {

  /** Buckets of the {@code gen_ai.usage.cost} histogram, USD per call. */
  public static final List<Double> COST_BUCKETS =
      List.of(0.00001, 0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

  /** The bundled list, compiled from {@code agent/prices/genai-prices.json} when the agent is built. */
  static final String BUNDLED = "genai-prices.bin";
  /** Model ids are the application's to choose; past this many, lookups are no longer remembered. */
  private static final int MAX_REMEMBERED = 4096;

  private final Future<PriceSources> reading;
  private final Map<String, String> aliases;
  /** By endpoint and model: a call's lookup builds no key. */
  private final PairMemo<String, String, Optional<PricedModel>> resolved = new PairMemo<>(MAX_REMEMBERED);

  private CostCalculator(Future<PriceSources> reading, Map<String, String> aliases) {
    this.reading = reading;
    this.aliases = aliases;
  }

  /** What is read from the price files and the bundled list, in the order it is consulted. */
  private static final class PriceSources {
    final PriceTable lines = new PriceTable();
    final List<GenaiPriceList> lists = new ArrayList<>();
  }

  /**
   * Reads the prices on a thread of its own, so that neither the application's start nor its first
   * calls wait for them unless a call ends before they are read.
   */
  public static CostCalculator fromConfig(AitapConfig config) {
    String files = config.pricingFiles();
    FutureTask<PriceSources> reading = new FutureTask<>(() -> read(files));
    Thread reader = new Thread(reading, "aitap-prices");
    reader.setDaemon(true);
    reader.start();
    return new CostCalculator(reading, parseAliases(config.pricingAliases()));
  }

  private static PriceSources read(String files) {
    PriceSources sources = new PriceSources();
    if (files != null) {
      for (String file : files.split(",")) {
        if (!file.isBlank()) {
          readFile(Paths.get(file.trim()), sources);
        }
      }
    }
    try (InputStream bundled = CostCalculator.class.getResourceAsStream(BUNDLED)) {
      sources.lists.add(GenaiPriceList.readCompiled(bundled.readAllBytes()));
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("aitap could not read its bundled prices", e);
    }
    if (AgentLog.isDebug()) {
      AgentLog.debug("prices: " + describe(sources, Instant.now()));
    }
    return sources;
  }

  /** Whether the prices are read: until then, pricing a call waits for them. */
  public boolean pricesRead() {
    return reading.isDone();
  }

  /** Waits until the prices are read; for aitap's own threads, never an application's. */
  public void awaitPrices() {
    sources();
  }

  /** The prices, once read; none when reading them was interrupted or failed. */
  private PriceSources sources() {
    try {
      return reading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      AgentLog.warn("aitap could not read its prices", e.getCause());
    }
    return new PriceSources();
  }

  /** A genai-prices data file is JSON; anything else is aitap's price lines. */
  private static void readFile(Path file, PriceSources sources) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.mark(4096);
      int first;
      do {
        first = reader.read();
      } while (first != -1 && Character.isWhitespace(first));
      reader.reset();
      if (first == '[' || first == '{') {
        LocalDate changed = Files.getLastModifiedTime(file).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        sources.lists.add(GenaiPriceList.read(reader, file.toString(), changed));
      } else {
        sources.lines.read(reader, file.toString());
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("aitap ignores the prices in " + file, e);
    }
  }

  /** The prices that apply to {@code model} at {@code endpoint}, or null. */
  public PricedModel priceFor(String model, String endpoint) {
    if (model == null) {
      return null;
    }
    Optional<PricedModel> known = endpoint == null ? null : resolved.get(endpoint, model);
    if (known == null) {
      known = Optional.ofNullable(resolve(model, endpoint, sources()));
      if (endpoint != null && reading.isDone()) {
        resolved.remember(endpoint, model, known);
      }
    }
    return known.orElse(null);
  }

  private PricedModel resolve(String model, String endpoint, PriceSources sources) {
    String asked = model.trim().toLowerCase(Locale.ROOT);
    String alias = aliases.get(asked);
    if (alias != null) {
      asked = alias.toLowerCase(Locale.ROOT);
    }
    String id = ModelIds.normalised(asked);
    PricedModel own = sources.lines.find(id, endpoint);
    if (own == null) {
      own = sources.lines.find(ModelIds.undated(id), endpoint);
    }
    if (own != null) {
      return own;
    }
    // the id as it arrived, as genai-prices matches it; then without aitap's known prefixes and suffixes
    Set<String> forms = new LinkedHashSet<>(List.of(asked, id, ModelIds.undated(id)));
    for (GenaiPriceList list : sources.lists) {
      for (String form : forms) {
        PricedModel found = list.find(endpoint, form);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * The one pricing rule, for spans, metrics and the exit summary alike: the provider's own figure
   * when it gives one, else the tokens at the price {@code model} had at {@code endpoint} when the
   * call was made. Waits for the prices until they are read.
   */
  public CallCost costOf(String model, String endpoint, ResponseFacts usage, Instant when) {
    if (!usage.hasUsage()) {
      return CallCost.NONE;
    }
    if (usage.reportedCostUsd != null) {
      return CallCost.usd(usage.reportedCostUsd);
    }
    Double usd = costUsd(model, endpoint, usage, when);
    return usd == null ? CallCost.UNPRICED : CallCost.usd(usd);
  }

  /** USD for the tokens of a call with usage, or null when its model has no price then. */
  Double costUsd(String model, String endpoint, ResponseFacts usage, Instant when) {
    if (!usage.hasUsage()) {
      return null;
    }
    PricedModel prices = priceFor(model, endpoint);
    Price price = prices == null ? null : prices.at(when);
    return price == null ? null : price.costUsd(usage);
  }

  /** The genai-prices data in use: {@code genai-prices 0.2.5}, or the data file's name; "none". */
  public String listSource() {
    List<GenaiPriceList> lists = sources().lists;
    return lists.isEmpty() ? "none" : lists.get(0).source();
  }

  /** Days since the genai-prices data in use was published, or null when there is none. */
  public Double listAgeDays(Instant now) {
    return ageDays(sources(), now);
  }

  /** The genai-prices data in use: its source, date and age; and whether own lines come first. */
  public String describeList(Instant now) {
    return describe(sources(), now);
  }

  private static Double ageDays(PriceSources sources, Instant now) {
    if (sources.lists.isEmpty()) {
      return null;
    }
    Instant published = sources.lists.get(0).date().atStartOfDay(ZoneOffset.UTC).toInstant();
    return Duration.between(published, now).toMinutes() / (24.0 * 60);
  }

  private static String describe(PriceSources sources, Instant now) {
    String lines = sources.lines.isEmpty() ? "" : "; aitap.pricing.file's own lines come first";
    if (sources.lists.isEmpty()) {
      return "no price list" + lines;
    }
    GenaiPriceList list = sources.lists.get(0);
    return String.format(Locale.ROOT, "%s of %s, %d days old%s", list.source(), list.date(),
        (long) Math.floor(ageDays(sources, now)), lines);
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
