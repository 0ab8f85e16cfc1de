package io.aitap.agent.cost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 *
 * <p>A list is built from a compact binary form of that JSON, which {@link #compile} writes: the
 * bundled list is compiled when the agent is built, so that start-up reads a few numbers and
 * strings per model (dates and times of day as numbers, not text to parse) instead of parsing and
 * walking 300 KB of JSON, work hot enough to occupy the JIT compiler on a small machine; a team's
 * data file is compiled as it is read.
 */
final class GenaiPriceList {

  private static final String FORMAT = "aitap compact genai-prices 1";
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern COMPACT_DATE = Pattern.compile("-(20\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=-|:|$)");
  private static final int NO_CONDITION = 0;
  private static final int FROM_DATE = 1;
  private static final int TIME_OF_DAY = 2;

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
  static GenaiPriceList read(Reader source, String name, LocalDate fileDate) throws IOException {
    ByteArrayOutputStream compiled = new ByteArrayOutputStream();
    compile(source, name, fileDate, new DataOutputStream(compiled));
    return readCompiled(compiled.toByteArray());
  }

  /** Reads a list {@link #compile} wrote. */
  static GenaiPriceList readCompiled(byte[] compiled) {
    CompiledInput in = new CompiledInput(compiled);
    String format = in.text();
    if (!format.equals(FORMAT)) {
      throw new IllegalArgumentException("not a price list aitap compiled: " + format);
    }
    GenaiPriceList list = new GenaiPriceList(in.text(), LocalDate.ofEpochDay(in.whole()));
    for (int i = in.unsignedShort(); i > 0; i--) {
      list.providers.add(list.readProvider(in));
    }
    return list;
  }

  /** Writes what {@link #read(Reader, String, LocalDate)} reads in the form {@link #readCompiled} reads. */
  @SuppressWarnings("unchecked")
  static void compile(Reader source, String name, LocalDate fileDate, DataOutput out) throws IOException {
    Object json;
    try (JsonParser parser = JSON.createParser(source)) {
      json = value(parser, parser.nextToken());
    }
    List<Object> providers;
    CompiledInput.writeText(out, FORMAT);
    if (json instanceof Map) {
      Map<String, Object> bundle = (Map<String, Object>) json;
      CompiledInput.writeText(out, bundle.get("source") + " " + bundle.get("version"));
      out.writeLong(LocalDate.parse((String) bundle.get("released")).toEpochDay());
      providers = (List<Object>) bundle.get("providers");
    } else {
      CompiledInput.writeText(out, name);
      out.writeLong(fileDate.toEpochDay());
      providers = (List<Object>) json;
    }
    CompiledInput.writeCount(out, providers.size());
    for (Object provider : providers) {
      compileProvider((Map<String, Object>) provider, out);
    }
  }

  /**
   * When the agent is built: compiles the bundled list, {@code genai-prices.json} ({@code args[0]}),
   * to the resource the agent reads ({@code args[1]}).
   */
  public static void main(String[] args) throws IOException {
    Path compiled = Paths.get(args[1]);
    Files.createDirectories(compiled.getParent());
    try (Reader json = Files.newBufferedReader(Paths.get(args[0]), StandardCharsets.UTF_8);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(compiled)))) {
      compile(json, args[0], null, out);
    }
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
  private static void compileProvider(Map<String, Object> json, DataOutput out) throws IOException {
    CompiledInput.writeText(out, (String) json.get("id"));
    CompiledInput.writeText(out, (String) json.get("api_pattern"));
    Object modelMatch = json.get("model_match");
    out.writeBoolean(modelMatch != null);
    if (modelMatch != null) {
      MatchRule.compile(modelMatch, out);
    }
    List<String> fallbacks = (List<String>) json.getOrDefault("fallback_model_providers", List.of());
    CompiledInput.writeCount(out, fallbacks.size());
    for (String fallback : fallbacks) {
      CompiledInput.writeText(out, fallback);
    }
    List<Object> models = (List<Object>) json.getOrDefault("models", List.of());
    CompiledInput.writeCount(out, models.size());
    for (Object model : models) {
      Map<String, Object> entry = (Map<String, Object>) model;
      CompiledInput.writeText(out, String.valueOf(entry.get("id")));
      MatchRule.compile(entry.get("match"), out);
      compileSchedule(entry.get("prices"), out);
    }
  }

  private Provider readProvider(CompiledInput in) {
    String id = in.text();
    Pattern api = Pattern.compile(in.text());
    MatchRule modelMatch = in.flag() ? MatchRule.read(in) : null;
    List<String> fallbacks = new ArrayList<>();
    for (int i = in.unsignedShort(); i > 0; i--) {
      fallbacks.add(in.text());
    }
    Provider provider = new Provider(id, api, modelMatch, fallbacks);
    for (int i = in.unsignedShort(); i > 0; i--) {
      String name = source + " " + id + "/" + in.text();
      MatchRule match = MatchRule.read(in);
      provider.models.add(new Model(match, new PricedModel(name, readSchedule(in))));
    }
    return provider;
  }

  /** A model's prices: one set, or a list of sets each with the condition under which it applies. */
  @SuppressWarnings("unchecked")
  private static void compileSchedule(Object prices, DataOutput out) throws IOException {
    List<Object> conditional = prices instanceof List ? (List<Object>) prices : List.of();
    if (conditional.isEmpty()) {
      CompiledInput.writeCount(out, 1);
      out.writeByte(NO_CONDITION);
      Price.compile(prices instanceof Map ? (Map<String, Object>) prices : null, out);
      return;
    }
    CompiledInput.writeCount(out, conditional.size());
    for (Object each : conditional) {
      Map<String, Object> entry = (Map<String, Object>) each;
      compileCondition((Map<String, Object>) entry.get("constraint"), out);
      Price.compile((Map<String, Object>) entry.get("prices"), out);
    }
  }

  private static List<PricedModel.Scheduled> readSchedule(CompiledInput in) {
    List<PricedModel.Scheduled> schedule = new ArrayList<>();
    for (int i = in.unsignedShort(); i > 0; i--) {
      schedule.add(new PricedModel.Scheduled(readCondition(in), Price.read(in)));
    }
    return schedule;
  }

  private static void compileCondition(Map<String, Object> constraint, DataOutput out) throws IOException {
    if (constraint == null) {
      out.writeByte(NO_CONDITION);
    } else if (constraint.containsKey("start_date")) {
      out.writeByte(FROM_DATE);
      out.writeLong(LocalDate.parse((String) constraint.get("start_date")).toEpochDay());
    } else {
      out.writeByte(TIME_OF_DAY);
      out.writeLong(utcTime(constraint.get("start_time")).toNanoOfDay());
      out.writeLong(utcTime(constraint.get("end_time")).toNanoOfDay());
    }
  }

  private static PricedModel.Condition readCondition(CompiledInput in) {
    switch (in.unsignedByte()) {
      case NO_CONDITION:
        return null;
      case FROM_DATE:
        return PricedModel.Condition.from(LocalDate.ofEpochDay(in.whole()));
      case TIME_OF_DAY:
        return PricedModel.Condition.between(LocalTime.ofNanoOfDay(in.whole()), LocalTime.ofNanoOfDay(in.whole()));
      default:
        throw new IllegalArgumentException("unknown price condition");
    }
  }

  private static LocalTime utcTime(Object text) {
    String time = (String) text;
    return time.endsWith("Z") || time.contains("+") || time.lastIndexOf('-') > 0
        ? OffsetTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()
        : LocalTime.parse(time);
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
