package io.aitap.smoke.replay;

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
 * provider's native ones (the agent's own fixtures give input only normalised); {@link NormalisedUsage}
 * turns them into the conventions' numbers.
 */
public final class Fixture {

  private static final String DEPLOYMENT = "deployment:";
  private static final String UNNAMED_REQUEST_MODEL = "smoke-model";
  private static final int OLLAMA_PORT = 11434;
  private static final String OLLAMA_HOST = "ollama";

  private final Path file;
  private final JsonNode expected;

  Fixture(Path file, JsonNode expected) {
    this.file = file;
    this.expected = expected;
  }

  public String file() {
    return expected.get("file").asText();
  }

  public byte[] body() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider as expected.json names it ({@code openai}, {@code azure-openai}, {@code aws-bedrock}, …). */
  String provider() {
    return expected.get("provider").asText();
  }

  /** The API the fixture's path names. */
  public ProviderApi api() {
    return ProviderApi.of(this);
  }

  /** The method the request used; the agent's own fixtures are all answers to POSTs and do not say. */
  public String method() {
    JsonNode method = expected.get("method");
    return method == null ? "POST" : method.asText();
  }

  /**
   * The host name the request went to, without the port some fixtures add. A local Ollama
   * ({@code localhost:11434}) is reached by the name {@code ollama} instead: the fake provider cannot
   * take Ollama's port, and the agent knows Ollama by that name on any port.
   */
  String host() {
    String host = expected.get("host").asText();
    int colon = host.indexOf(':');
    String name = colon < 0 ? host : host.substring(0, colon);
    return name.equals("localhost") && host.endsWith(":" + OLLAMA_PORT) ? OLLAMA_HOST : name;
  }

  /** The request's path and query, as recorded. */
  public String pathAndQuery() {
    return expected.get("path").asText();
  }

  public int status() {
    return expected.get("status").asInt();
  }

  /** Whether the call failed: an error status, or an error the provider reported in a response that began with 200. */
  boolean failed() {
    return status() >= 400 || errorType() != null || errorCode() != null;
  }

  public String contentType() {
    return expected.get("content_type").asText();
  }

  /** Whether the body is binary (AWS event-stream frames), not text. */
  boolean binary() {
    return contentType().startsWith("application/vnd.amazon.eventstream");
  }

  public boolean stream() {
    return expected.get("stream").asBoolean();
  }

  /**
   * Whether the response carries output in pieces the agent times. The agent's own fixtures count
   * them ({@code chunks}); every reference stream carries output.
   */
  boolean streamsOutput() {
    JsonNode chunks = expected.get("chunks");
    return stream() && (chunks == null || chunks.asInt() > 0);
  }

  /**
   * The model the request named: in its body, or in its URL (Gemini, Bedrock, Vertex, an Azure
   * deployment). expected.json adds notes in parentheses ("deployment:chat-prod-4o (body has no
   * model)") that are not part of it. The agent's own fixtures leave out a model the request body
   * names; the request then names the model the response reports, or a made-up one.
   */
  String requestModel() {
    String model = withoutNote(text("request_model"));
    if (model == null) {
      return responseModel() != null ? responseModel() : UNNAMED_REQUEST_MODEL;
    }
    return model.startsWith(DEPLOYMENT) ? model.substring(DEPLOYMENT.length()) : model;
  }

  /** Whether the request body names the model; Azure requests may name a deployment in the URL instead. */
  boolean modelInRequestBody() {
    String model = text("request_model");
    return !api().modelInPath && (model == null || !(model.startsWith(DEPLOYMENT) || model.contains("URL path")));
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

  /** The provider's own input count, unnormalised; the agent's own fixtures give only {@link #totalInputTokens}. */
  Long nativeInputTokens() {
    return number("input_tokens");
  }

  /** The provider's own output count, unnormalised (Gemini's leaves out thinking). */
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

  public Map<String, String> responseHeaders() {
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
