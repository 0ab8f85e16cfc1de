package io.aitap.smoke.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every recorded provider response the smoke tests replay, with what its directory's expected.json
 * says about it: the reference fixtures (system property {@code aitap.fixtures}) and the agent's own
 * (system property {@code aitap.agent.fixtures}), for the cases the reference ones do not cover.
 */
public final class Fixtures {

  /** The APIs of the OpenAI family. */
  private static final Set<ProviderApi> OPENAI_FAMILY =
      EnumSet.of(ProviderApi.CHAT_COMPLETIONS, ProviderApi.RESPONSES, ProviderApi.EMBEDDINGS);

  private static List<Fixture> all;
  private static List<Fixture> own;

  private Fixtures() {}

  /** Every fixture that is a wire format: a decoded companion ("(not a wire format…)") is not replayed. */
  public static synchronized List<Fixture> all() {
    if (all == null) {
      List<Fixture> fixtures = new ArrayList<>(load(directory("aitap.fixtures")));
      fixtures.addAll(load(directory("aitap.agent.fixtures")));
      Set<String> files = new HashSet<>();
      for (Fixture fixture : fixtures) {
        if (!files.add(fixture.file())) {
          throw new IllegalStateException("two fixtures are called " + fixture.file() + ": the fake provider "
              + "tells them apart by name");
        }
      }
      all = Collections.unmodifiableList(fixtures);
    }
    return all;
  }

  /** Every fixture of an API in the OpenAI family, whoever serves it (Azure, DeepSeek, vLLM, …). */
  static List<Fixture> openAiFamily() {
    return all().stream().filter(f -> OPENAI_FAMILY.contains(f.api())).collect(Collectors.toList());
  }

  /** Every fixture of Bedrock's Converse API, plain and streaming, as it is on the wire. */
  public static List<Fixture> bedrockConverse() {
    return all().stream().filter(f -> f.api() == ProviderApi.BEDROCK_CONVERSE).collect(Collectors.toList());
  }

  /** A fixture of {@link #all()}, or one of {@link #own()}. */
  public static Fixture named(String file) {
    return Stream.concat(all().stream(), own().stream())
        .filter(f -> f.file().equals(file))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fixture " + file + " in expected.json"));
  }

  /**
   * The smoke tests' own fixtures (system property {@code aitap.smoke.fixtures}), for shapes the
   * reference set lacks that one client needs, such as an Azure OpenAI stream its SDK can parse.
   */
  static synchronized List<Fixture> own() {
    if (own == null) {
      own = load(directory("aitap.smoke.fixtures"));
    }
    return own;
  }

  private static Path directory(String property) {
    String configured = System.getProperty(property);
    if (configured == null) {
      throw new IllegalStateException("system property " + property + " (a fixtures directory) is not set");
    }
    return Paths.get(configured).toAbsolutePath().normalize();
  }

  private static List<Fixture> load(Path directory) {
    try {
      JsonNode entries = new ObjectMapper().readTree(directory.resolve("expected.json").toFile());
      List<Fixture> fixtures = new ArrayList<>();
      for (JsonNode entry : entries) {
        Path file = directory.resolve(entry.get("file").asText());
        if (Files.isRegularFile(file) && !entry.get("content_type").asText().startsWith("(")) {
          fixtures.add(new Fixture(file, entry));
        }
      }
      return fixtures;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory.resolve("expected.json"), e);
    }
  }
}
