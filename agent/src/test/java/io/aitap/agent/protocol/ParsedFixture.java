package io.aitap.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one fixture through a protocol's response parser, fed in given pieces, and compares what it
 * reports with expected.json, normalised as docs/design.md §4 says: input tokens include cache reads and
 * writes, output tokens include reasoning.
 */
public final class ParsedFixture {

  public final ResponseFacts facts;
  public int chunks;

  private ParsedFixture(ApiProtocol protocol, JsonNode expected, RequestFacts request, List<byte[]> pieces) {
    facts = new ResponseFacts(() -> chunks++);
    ResponseParser parser = protocol.newResponseParser(Fixtures.head(expected), request, facts);
    for (byte[] piece : pieces) {
      parser.feed(piece, 0, piece.length);
    }
    parser.endOfBody();
  }

  public static ParsedFixture parse(ApiProtocol protocol, JsonNode expected, RequestFacts request, List<byte[]> pieces) {
    return new ParsedFixture(protocol, expected, request, pieces);
  }

  /** The body whole, byte by byte, and split in two at every position. */
  public static List<List<byte[]>> splits(byte[] body) {
    List<List<byte[]>> splits = new ArrayList<>();
    splits.add(List.of(body));
    List<byte[]> bytes = new ArrayList<>();
    for (byte b : body) {
      bytes.add(new byte[] {b});
    }
    splits.add(bytes);
    for (int at = 1; at < body.length; at++) {
      byte[] head = new byte[at];
      byte[] tail = new byte[body.length - at];
      System.arraycopy(body, 0, head, 0, at);
      System.arraycopy(body, at, tail, 0, tail.length);
      splits.add(List.of(head, tail));
    }
    return splits;
  }

  /** Asserts every value expected.json gives, as normalised telemetry reports it. */
  public void assertMatches(JsonNode expected, String how) {
    String file = expected.get("file").asText() + " " + how;
    assertEquals(Fixtures.textOrNull(expected, "response_model"), facts.model, file + ": response model");
    assertEquals(Fixtures.textOrNull(expected, "response_id"), facts.id, file + ": response id");
    assertEquals(Fixtures.list(expected, "finish_reasons"), facts.finishReasons(), file + ": finish reasons");
    assertEquals(Fixtures.longOrNull(expected, "total_input_tokens"), facts.inputTokens, file + ": input tokens");
    assertEquals(normalisedOutput(expected), facts.outputTokens, file + ": output tokens");
    assertEquals(Fixtures.longOrNull(expected, "cached_input_tokens"), facts.cacheReadInputTokens, file + ": cache read");
    assertEquals(Fixtures.longOrNull(expected, "cache_write_tokens"), facts.cacheCreationInputTokens, file + ": cache write");
    assertEquals(Fixtures.longOrNull(expected, "reasoning_tokens"), facts.reasoningOutputTokens, file + ": reasoning");
    assertEquals(Fixtures.textOrNull(expected, "error_type"), facts.errorType, file + ": error type");
    assertEquals(Fixtures.textOrNull(expected, "error_code"), facts.errorCode, file + ": error code");
    if (expected.has("failed_in_body")) {
      assertEquals(expected.get("failed_in_body").asBoolean(), facts.failedInBody, file + ": failed in body");
    }
    if (expected.has("chunks")) {
      assertEquals(expected.get("chunks").asInt(), chunks, file + ": output chunks");
    }
  }

  /** Gemini and xAI report reasoning outside their output count; everywhere else output already includes it. */
  private static Long normalisedOutput(JsonNode expected) {
    Long output = Fixtures.longOrNull(expected, "output_tokens");
    Long reasoning = Fixtures.longOrNull(expected, "reasoning_tokens");
    String provider = expected.get("provider").asText();
    boolean separate = provider.equals("gemini") || provider.equals("vertex") || provider.equals("xai");
    return output == null || !separate || reasoning == null ? output : Long.valueOf(output + reasoning);
  }
}
