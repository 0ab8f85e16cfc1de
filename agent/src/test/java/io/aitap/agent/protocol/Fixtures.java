package io.aitap.agent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The shared provider fixtures and what {@code expected.json} says a parser must report for each. */
public final class Fixtures {

  private static final Path DIRECTORY =
      Paths.get(System.getProperty("aitap.fixtures", "../../shared/fixtures"));

  private Fixtures() {}

  public static List<JsonNode> expected(Predicate<JsonNode> which) {
    try {
      List<JsonNode> selected = new ArrayList<>();
      for (JsonNode entry : new ObjectMapper().readTree(DIRECTORY.resolve("expected.json").toFile())) {
        if (which.test(entry)) {
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
      return Files.readAllBytes(DIRECTORY.resolve(expected.get("file").asText()));
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
