package io.aitap.agent.cost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A price list in the data-file format of pydantic's genai-prices: providers found by their API's
 * URL or by the model id, each with models found by match rules, in order. aitap's bundled list is
 * one (trimmed to the providers aitap recognises, with its source version and release date around
 * it); a team can pass a newer one as {@code aitap.pricing.file}.
 */
final class GenaiPriceList {

  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern COMPACT_DATE = Pattern.compile("-(20\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=-|:|$)");

  private final String source;
  private final LocalDate date;
  private final List<Provider> providers = new ArrayList<>();

  private GenaiPriceList(String source, LocalDate date) {
    this.source = source;
    this.date = date;
  }

  /**
   * Reads a genai-prices data file (an array of providers), or aitap's bundled form of one (an
   * object with {@code version}, {@code released} and {@code providers}). {@code fileDate} dates a
   * plain data file, which does not date itself.
   */
  @SuppressWarnings("unchecked")
  static GenaiPriceList read(Reader source, String name, LocalDate fileDate) throws IOException {
    Object json;
    try (JsonParser parser = JSON.createParser(source)) {
      json = value(parser, parser.nextToken());
    }
    GenaiPriceList list;
    List<Object> providers;
    if (json instanceof Map) {
      Map<String, Object> bundle = (Map<String, Object>) json;
      list = new GenaiPriceList(bundle.get("source") + " " + bundle.get("version"),
          LocalDate.parse((String) bundle.get("released")));
      providers = (List<Object>) bundle.get("providers");
    } else {
      list = new GenaiPriceList(name, fileDate);
      providers = (List<Object>) json;
    }
    for (Object provider : providers) {
      list.providers.add(list.provider((Map<String, Object>) provider));
    }
    return list;
  }

  /** Whose data this is: {@code genai-prices 0.2.5}, or the file's name. */
  String source() {
    return source;
  }

  /** The day the data was published (a file's last change when it does not say). */
  LocalDate date() {
    return date;
  }

  /**
   * The model for an id as it arrived (lower case) at an endpoint, as genai-prices finds it: the
   * provider whose API the host serves, else the provider whose models the id names; then the
   * first of its models (and of its fallback providers') whose rule matches, retrying a compact
   * date ({@code -20251211}) in its dashed form. On a host no provider serves, failing that, the
   * first provider that has the model. Null when none.
   */
  PricedModel find(String host, String model) {
    Provider provider = providerAt(host);
    if (provider != null) {
      return find(provider, model);
    }
    provider = providerOf(model);
    PricedModel found = provider == null ? null : find(provider, model);
    // a relay or gateway the list does not know: the first provider, in the list's order, that has the model
    for (int i = 0; found == null && i < providers.size(); i++) {
      found = find(providers.get(i), model);
    }
    return found;
  }

  private static PricedModel find(Provider provider, String model) {
    PricedModel found = provider.find(model, true);
    if (found == null) {
      String dashed = dashedDates(model);
      found = dashed.equals(model) ? null : provider.find(dashed, true);
    }
    return found;
  }

  private Provider providerAt(String host) {
    if (host == null) {
      return null;
    }
    String url = "https://" + host.toLowerCase(Locale.ROOT);
    for (Provider provider : providers) {
      if (provider.api.matcher(url).lookingAt()) {
        return provider;
      }
    }
    return null;
  }

  private Provider providerOf(String model) {
    for (Provider provider : providers) {
      if (provider.modelMatch != null && provider.modelMatch.matches(model)) {
        return provider;
      }
    }
    return null;
  }

  private Provider byId(String id) {
    for (Provider provider : providers) {
      if (provider.id.equals(id)) {
        return provider;
      }
    }
    return null;
  }

  private static String dashedDates(String model) {
    Matcher date = COMPACT_DATE.matcher(model);
    StringBuilder dashed = new StringBuilder();
    while (date.find()) {
      date.appendReplacement(dashed, "-$1-$2-$3");
    }
    return date.appendTail(dashed).toString();
  }

  @SuppressWarnings("unchecked")
  private Provider provider(Map<String, Object> json) {
    String id = (String) json.get("id");
    Object modelMatch = json.get("model_match");
    List<String> fallbacks = (List<String>) json.getOrDefault("fallback_model_providers", List.of());
    Provider provider = new Provider(id, Pattern.compile((String) json.get("api_pattern")),
        modelMatch == null ? null : MatchRule.of(modelMatch), fallbacks);
    for (Object model : (List<Object>) json.getOrDefault("models", List.of())) {
      Map<String, Object> entry = (Map<String, Object>) model;
      String name = source + " " + id + "/" + entry.get("id");
      provider.models.add(new Model(MatchRule.of(entry.get("match")), new PricedModel(name, schedule(entry.get("prices")))));
    }
    return provider;
  }

  @SuppressWarnings("unchecked")
  private static List<PricedModel.Scheduled> schedule(Object prices) {
    List<PricedModel.Scheduled> schedule = new ArrayList<>();
    if (prices instanceof List) {
      for (Object conditional : (List<Object>) prices) {
        Map<String, Object> entry = (Map<String, Object>) conditional;
        schedule.add(new PricedModel.Scheduled(condition((Map<String, Object>) entry.get("constraint")),
            price((Map<String, Object>) entry.get("prices"))));
      }
    } else {
      schedule.add(new PricedModel.Scheduled(null, price((Map<String, Object>) prices)));
    }
    if (schedule.isEmpty()) {
      schedule.add(new PricedModel.Scheduled(null, new Price(Map.of())));
    }
    return schedule;
  }

  private static PricedModel.Condition condition(Map<String, Object> constraint) {
    if (constraint == null) {
      return null;
    }
    if (constraint.containsKey("start_date")) {
      return PricedModel.Condition.from(LocalDate.parse((String) constraint.get("start_date")));
    }
    return PricedModel.Condition.between(utcTime(constraint.get("start_time")), utcTime(constraint.get("end_time")));
  }

  private static LocalTime utcTime(Object text) {
    String time = (String) text;
    return time.endsWith("Z") || time.contains("+") || time.lastIndexOf('-') > 0
        ? OffsetTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()
        : LocalTime.parse(time);
  }

  @SuppressWarnings("unchecked")
  private static Price price(Map<String, Object> json) {
    Map<Price.Key, Rate> rates = new EnumMap<>(Price.Key.class);
    for (Price.Key key : Price.Key.values()) {
      Object value = json == null ? null : json.get(key.listed);
      if (value instanceof Number) {
        rates.put(key, Rate.flat(((Number) value).doubleValue()));
      } else if (value instanceof Map) {
        Map<String, Object> tiered = (Map<String, Object>) value;
        List<Object> tiers = (List<Object>) tiered.get("tiers");
        long[] starts = new long[tiers.size()];
        double[] prices = new double[tiers.size()];
        for (int i = 0; i < starts.length; i++) {
          Map<String, Object> tier = (Map<String, Object>) tiers.get(i);
          starts[i] = ((Number) tier.get("start")).longValue();
          prices[i] = ((Number) tier.get("price")).doubleValue();
        }
        rates.put(key, new Rate(((Number) tiered.get("base")).doubleValue(), starts, prices));
      }
    }
    return new Price(rates);
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("the file ends early");
    }
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          String field = parser.currentName();
          object.put(field, value(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        return array;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getNumberValue();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return token == JsonToken.VALUE_TRUE;
      default:
        return null;
    }
  }

  private static final class Model {
    final MatchRule match;
    final PricedModel prices;

    Model(MatchRule match, PricedModel prices) {
      this.match = match;
      this.prices = prices;
    }
  }

  private final class Provider {
    final String id;
    final Pattern api;
    final MatchRule modelMatch;
    final List<String> fallbacks;
    final List<Model> models = new ArrayList<>();

    Provider(String id, Pattern api, MatchRule modelMatch, List<String> fallbacks) {
      this.id = id;
      this.api = api;
      this.modelMatch = modelMatch;
      this.fallbacks = fallbacks;
    }

    /** Falls back one step only, as genai-prices does. */
    PricedModel find(String model, boolean fallBack) {
      for (Model entry : models) {
        if (entry.match.matches(model)) {
          return entry.prices;
        }
      }
      if (fallBack) {
        for (String id : fallbacks) {
          Provider fallback = byId(id);
          PricedModel found = fallback == null ? null : fallback.find(model, false);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }
  }
}
