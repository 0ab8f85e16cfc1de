package io.aitap.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitap.agent.capture.CaptureFixtures;
import io.aitap.agent.capture.CaptureSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Events skimmed from their bytes (capture off) report exactly what parsed ones do (capture on,
 * where every event is parsed for its content): the same facts, and every output chunk timed at the
 * same byte of the stream, fed byte by byte.
 */
class SkimmedStreamsTest {

  private static final CaptureSettings CAPTURE = CaptureFixtures.settings();
  private final EndpointClassifier classifier = new EndpointClassifier(List.of(), true);

  @TestFactory
  Stream<DynamicTest> everyStreamFixtureReportsTheSameSkimmedAsParsed() {
    List<JsonNode> fixtures = new ArrayList<>(Fixtures.expected(SkimmedStreamsTest::isEventStream));
    fixtures.addAll(Fixtures.expected(Fixtures.OWN, SkimmedStreamsTest::isEventStream));
    assertEquals(18, fixtures.size(), "streams of events among the fixtures");
    return fixtures.stream().map(expected -> DynamicTest.dynamicTest(expected.get("file").asText(), () -> {
      String[] hostAndPort = expected.get("host").asText().split(":");
      int port = hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : 443;
      AiEndpoint endpoint = classifier.classify("https", hostAndPort[0], port, Fixtures.path(expected));
      assertNotNull(endpoint, "recognised");
      Run skimmed = new Run(endpoint, expected, false);
      Run parsed = new Run(endpoint, expected, true);
      assertEquals(parsed.facts(), skimmed.facts(), "facts");
      assertEquals(parsed.chunkAt, skimmed.chunkAt, "the bytes at which output chunks were timed");
    }));
  }

  private static boolean isEventStream(JsonNode entry) {
    String type = entry.get("content_type").asText();
    return type.startsWith("text/event-stream") || type.startsWith("application/x-ndjson")
        || type.startsWith("application/vnd.amazon.eventstream");
  }

  /** One fixture fed byte by byte, with the index of the byte that completed each output chunk. */
  private static final class Run {
    final List<Integer> chunkAt = new ArrayList<>();
    final ResponseFacts facts;
    private int fed;

    Run(AiEndpoint endpoint, JsonNode expected, boolean capture) {
      RequestFacts request = new RequestFacts();
      request.model = endpoint.modelFromPath();
      facts = new ResponseFacts(() -> chunkAt.add(fed));
      if (capture) {
        facts.content = CAPTURE.newCallContent(endpoint);
        assertNotNull(facts.content, "content captured");
      }
      ResponseParser parser = endpoint.protocol().newResponseParser(Fixtures.head(expected), request, facts);
      byte[] body = Fixtures.body(expected);
      for (; fed < body.length; fed++) {
        parser.feed(body, fed, 1);
      }
      parser.endOfBody();
    }

    List<Object> facts() {
      return List.of(String.valueOf(facts.model), String.valueOf(facts.id), facts.finishReasons(),
          String.valueOf(facts.inputTokens), String.valueOf(facts.outputTokens), String.valueOf(facts.cacheReadInputTokens),
          String.valueOf(facts.cacheCreationInputTokens), String.valueOf(facts.cacheCreation5mInputTokens),
          String.valueOf(facts.cacheCreation1hInputTokens), String.valueOf(facts.reasoningOutputTokens),
          String.valueOf(facts.errorType), String.valueOf(facts.errorCode), facts.failedInBody,
          String.valueOf(facts.reportedCostUsd));
    }
  }
}
