package io.aitap.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded provider response and what {@code expected.json} says about it. Values are the
 * provider's native ones; {@link NormalisedUsage} turns them into the conventions' numbers.
 */
final class Fixture {

  private static final String DEPLOYMENT = "deployment:";

  private final Path file;
  private final JsonNode expected;

  Fixture(Path file, JsonNode expected) {
    this.file = file;
    this.expected = expected;
  }

  String file() {
    return expected.get("file").asText();
  }

  byte[] body() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider as expected.json names it ({@code openai}, {@code azure-openai}, {@code mistral}, …). */
  String provider() {
    return expected.get("provider").asText();
  }

  /** The API as expected.json names it ({@code chat.completions}, {@code responses}, {@code embeddings}, …). */
  String api() {
    return expected.get("api").asText();
  }

  String method() {
    return expected.get("method").asText();
  }

  /** The host name the request went to, without the port some fixtures add. */
  String host() {
    String host = expected.get("host").asText();
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /** The request's path and query, as sent. */
  String pathAndQuery() {
    return expected.get("path").asText();
  }

  int status() {
    return expected.get("status").asInt();
  }

  boolean isError() {
    return status() >= 400;
  }

  String contentType() {
    return expected.get("content_type").asText();
  }

  boolean stream() {
    return expected.get("stream").asBoolean();
  }

  /**
   * The model the request named: in its body, or for Azure the deployment in its URL. expected.json
   * adds notes in parentheses ("deployment:chat-prod-4o (body has no model)") that are not part of it.
   */
  String requestModel() {
    String model = withoutNote(text("request_model"));
    return model.startsWith(DEPLOYMENT) ? model.substring(DEPLOYMENT.length()) : model;
  }

  /** Whether the request body names the model; Azure requests name a deployment in the URL instead. */
  boolean modelInRequestBody() {
    return !text("request_model").startsWith(DEPLOYMENT);
  }

  String responseModel() {
    return withoutNote(text("response_model"));
  }

  String responseId() {
    return withoutNote(text("response_id"));
  }

  List<String> finishReasons() {
    List<String> reasons = new ArrayList<>();
    for (JsonNode reason : expected.get("finish_reasons")) {
      reasons.add(reason.asText());
    }
    return Collections.unmodifiableList(reasons);
  }

  String errorType() {
    return withoutNote(text("error_type"));
  }

  String errorCode() {
    return withoutNote(text("error_code"));
  }

  Long outputTokens() {
    return number("output_tokens");
  }

  /** Input tokens including cache reads and writes, as expected.json normalises them. */
  Long totalInputTokens() {
    return number("total_input_tokens");
  }

  Long cachedInputTokens() {
    return number("cached_input_tokens");
  }

  Long cacheWriteTokens() {
    return number("cache_write_tokens");
  }

  Long reasoningTokens() {
    return number("reasoning_tokens");
  }

  Map<String, String> responseHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode node = expected.get("response_headers");
    if (node != null && !node.isNull()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        headers.put(field.getKey(), field.getValue().asText());
      }
    }
    return headers;
  }

  private String text(String field) {
    JsonNode node = expected.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private Long number(String field) {
    JsonNode node = expected.get(field);
    return node == null || node.isNull() ? null : node.asLong();
  }

  private static String withoutNote(String value) {
    if (value == null) {
      return null;
    }
    int note = value.indexOf(" (");
    return note < 0 ? value : value.substring(0, note);
  }

  @Override
  public String toString() {
    return file();
  }
}
