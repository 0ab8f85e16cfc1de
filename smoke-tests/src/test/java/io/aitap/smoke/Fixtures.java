package io.aitap.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shared fixtures directory (system property {@code aitap.fixtures}) and its expected.json. */
final class Fixtures {

  /** The APIs of the OpenAI family, as expected.json names them. */
  private static final Set<String> OPENAI_APIS =
      new HashSet<>(Arrays.asList("chat.completions", "responses", "embeddings"));

  private static List<Fixture> all;
  private static List<Fixture> own;

  private Fixtures() {}

  static synchronized List<Fixture> all() {
    if (all == null) {
      all = load(directory());
    }
    return all;
  }

  /** Every fixture of an API in the OpenAI family, whoever serves it (Azure, DeepSeek, vLLM, …). */
  static List<Fixture> openAiFamily() {
    return all().stream().filter(f -> OPENAI_APIS.contains(f.api())).collect(Collectors.toList());
  }

  /** Every fixture of Bedrock's Converse API, plain and streaming, as it is on the wire. */
  static List<Fixture> bedrockConverse() {
    return all().stream()
        .filter(f -> f.api().equals("Converse") || f.api().equals("ConverseStream"))
        .collect(Collectors.toList());
  }

  /** A shared fixture, or one of {@link #own()}. */
  static Fixture named(String file) {
    return Stream.concat(all().stream(), own().stream())
        .filter(f -> f.file().equals(file))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fixture " + file + " in expected.json"));
  }

  /**
   * The smoke tests' own fixtures (system property {@code aitap.smoke.fixtures}), for shapes the
   * shared set lacks that one client needs, such as an Azure OpenAI stream its SDK can parse.
   */
  static synchronized List<Fixture> own() {
    if (own == null) {
      own = load(directory("aitap.smoke.fixtures"));
    }
    return own;
  }

  private static Path directory() {
    return directory("aitap.fixtures");
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
        if (Files.isRegularFile(file)) {
          fixtures.add(new Fixture(file, entry));
        }
      }
      return Collections.unmodifiableList(fixtures);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory.resolve("expected.json"), e);
    }
  }
}
