package io.aitap.agent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Provider fixtures and what their {@code expected.json} says a parser must report for each: the
 * reference set in {@code fixtures/reference} (one body of each provider's every format, described
 * in its INDEX.md) and this module's own for the cases those do not cover (tool calls, thinking
 * streams, errors inside streams, Vertex, Bedrock InvokeModel, Ollama generate and embed, Cohere
 * streams). Entries remember their directory in a {@code dir} field.
 */
public final class Fixtures {

  public static final Path REFERENCE =
      Paths.get(System.getProperty("aitap.fixtures", "src/test/resources/fixtures/reference"));
  public static final Path OWN = Paths.get("src/test/resources/fixtures");

  private Fixtures() {}

  /** Entries of the reference fixtures. */
  public static List<JsonNode> expected(Predicate<JsonNode> which) {
    return expected(REFERENCE, which);
  }

  public static List<JsonNode> expected(Path directory, Predicate<JsonNode> which) {
    try {
      List<JsonNode> selected = new ArrayList<>();
      for (JsonNode entry : new ObjectMapper().readTree(directory.resolve("expected.json").toFile())) {
        if (which.test(entry)) {
          ((ObjectNode) entry).put("dir", directory.toString());
          selected.add(entry);
        }
      }
      return selected;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] body(JsonNode expected) {
    try {
      return Files.readAllBytes(Paths.get(expected.get("dir").asText()).resolve(expected.get("file").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path without its query string. */
  public static String path(JsonNode expected) {
    String path = expected.get("path").asText();
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  public static ResponseHead head(JsonNode expected) {
    String contentType = expected.get("content_type").asText();
    JsonNode headers = expected.path("response_headers");
    return new ResponseHead(
        expected.get("status").asInt(),
        name -> name.equalsIgnoreCase("content-type")
            ? contentType
            : headers.has(name.toLowerCase()) ? headers.get(name.toLowerCase()).asText() : null);
  }

  public static Long longOrNull(JsonNode expected, String field) {
    JsonNode value = expected.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }

  /** The value without the fixture's annotation: "not_found (HTTP status; …)" is "not_found". */
  public static String textOrNull(JsonNode expected, String field) {
    JsonNode value = expected.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String text = value.asText();
    int note = text.indexOf(" (");
    return note < 0 ? text : text.substring(0, note);
  }

  public static List<String> list(JsonNode expected, String field) {
    List<String> values = new ArrayList<>();
    expected.path(field).forEach(value -> values.add(value.asText()));
    return values;
  }
}
