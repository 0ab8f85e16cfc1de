package io.aitap.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.Fixtures;
import io.aitap.agent.protocol.ParsedFixture;
import io.aitap.agent.protocol.ResponseHead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Answers the fixtures do not cover (thought summaries, Responses deltas, several choices and
 * interleaved tool calls, tool input objects, Cohere tool-call streams), read whole, byte by byte
 * and split at every position, yield exactly the output messages capture-responses.json gives.
 */
class ResponseCaptureTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyAnswerYieldsExactlyItsMessagesHoweverSplit() throws Exception {
    List<JsonNode> cases = new ArrayList<>();
    JSON.readTree(Fixtures.OWN.resolve("capture-responses.json").toFile()).forEach(cases::add);
    assertEquals(7, cases.size());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
      AiEndpoint endpoint = CaptureFixtures.endpoint(c.get("host").asText(), c.path("port").asInt(443),
          c.get("path").asText());
      String contentType = c.get("content_type").asText();
      ResponseHead head = new ResponseHead(200, name -> name.equalsIgnoreCase("content-type") ? contentType : null);
      byte[] body = c.get("body").asText().getBytes(StandardCharsets.UTF_8);
      for (List<byte[]> pieces : ParsedFixture.splits(body)) {
        String output = CaptureFixtures.capture(CaptureFixtures.settings(), endpoint, null, head, pieces).output;
        assertEquals(c.get("output"), JSON.readTree(output), "split in " + pieces.size());
      }
    }));
  }
}
