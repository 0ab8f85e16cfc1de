package io.aitap.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A request body of every API, read whole, byte by byte and split at every position, yields
 * exactly the system instructions and input messages capture-requests.json gives.
 */
class RequestCaptureTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyApiRequestYieldsExactlyItsMessagesHoweverSplit() throws Exception {
    List<JsonNode> cases = new ArrayList<>();
    JSON.readTree(Fixtures.OWN.resolve("capture-requests.json").toFile()).forEach(cases::add);
    assertEquals(8, cases.size());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
      AiEndpoint endpoint = CaptureFixtures.endpoint(c.get("host").asText(), c.path("port").asInt(443),
          c.get("path").asText());
      byte[] body = JSON.writeValueAsBytes(c.get("body"));
      for (List<byte[]> pieces : ParsedFixture.splits(body)) {
        CaptureFixtures.Captured captured =
            CaptureFixtures.capture(CaptureFixtures.settings(), endpoint, pieces, null, null);
        assertEquals(c.get("system"), captured.system == null ? JSON.nullNode() : JSON.readTree(captured.system),
            "system instructions");
        assertEquals(c.get("input"), JSON.readTree(captured.input), "input messages");
        assertEquals(null, captured.output);
      }
    }));
  }
}
