package io.aitap.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.Fixtures;
import io.aitap.agent.protocol.ParsedFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every provider fixture, with capture on, read whole, byte by byte and split at every position:
 * the output messages are the same every time, well-formed as the conventions write them, and for
 * the fixtures in capture-expected.json exactly what that file says.
 */
class FixtureCaptureTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final JsonNode EXPECTED = read(Fixtures.OWN.resolve("capture-expected.json"));

  private static JsonNode read(java.nio.file.Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureYieldsTheSameWellFormedOutputHoweverSplit() {
    List<JsonNode> fixtures = new ArrayList<>(Fixtures.expected(e -> !e.get("content_type").asText().startsWith("(")));
    fixtures.addAll(Fixtures.expected(Fixtures.OWN, e -> true));
    return fixtures.stream().map(expected -> DynamicTest.dynamicTest(expected.get("file").asText(), () -> {
      String[] hostAndPort = expected.get("host").asText().split(":");
      int port = hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : 443;
      AiEndpoint endpoint = CaptureFixtures.endpoint(hostAndPort[0], port, Fixtures.path(expected));
      byte[] body = Fixtures.body(expected);
      String whole = null;
      for (List<byte[]> pieces : ParsedFixture.splits(body)) {
        String output = CaptureFixtures.capture(CaptureFixtures.settings(), endpoint, null, Fixtures.head(expected),
            pieces).output;
        if (pieces.size() == 1) {
          whole = output;
        }
        assertEquals(whole, output, "the same however the body is split");
      }
      boolean answered = expected.get("status").asInt() < 400;
      String name = (Fixtures.REFERENCE.toString().equals(expected.get("dir").asText()) ? "reference/" : "")
          + expected.get("file").asText();
      if (EXPECTED.has(name)) {
        assertEquals(EXPECTED.get(name), JSON.readTree(whole), name);
        checked++;
      }
      if (answered && whole != null) {
        wellFormedOutput(whole);
      } else {
        assertEquals(null, whole, "an error body has no output messages");
      }
    }));
  }

  private static int checked;

  @org.junit.jupiter.api.AfterAll
  static void everyExpectationWasChecked() {
    assertEquals(EXPECTED.size(), checked, "entries of capture-expected.json matched to fixtures");
  }

  static void wellFormedOutput(String output) throws Exception {
    JsonNode messages = JSON.readTree(output);
    assertTrue(messages.isArray() && messages.size() > 0, output);
    for (JsonNode message : messages) {
      assertEquals("assistant", message.get("role").asText(), output);
      assertTrue(message.get("finish_reason").isTextual(), output);
      assertTrue(message.get("parts").isArray(), output);
      for (JsonNode part : message.get("parts")) {
        String type = part.get("type").asText();
        assertTrue(List.of("text", "tool_call", "tool_call_response", "blob", "uri").contains(type), output);
        if (type.equals("text")) {
          assertTrue(part.get("content").isTextual(), output);
        }
      }
    }
  }
}
