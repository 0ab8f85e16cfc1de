package io.aitap.agent.protocol.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.Fixtures;
import io.aitap.agent.protocol.ParsedFixture;
import io.aitap.agent.protocol.RequestFacts;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class OpenAiFixturesTest {

  private static final Set<String> OPENAI_FAMILY =
      Set.of("openai", "azure-openai", "deepseek", "mistral", "openrouter", "vllm");

  @TestFactory
  Stream<DynamicTest> everyOpenAiFamilyFixtureParsesExactlyHoweverItIsSplit() {
    List<JsonNode> fixtures = Fixtures.expected(entry -> OPENAI_FAMILY.contains(entry.get("provider").asText()));
    assertEquals(16, fixtures.size(), "OpenAI-family fixtures in expected.json");
    return fixtures.stream().map(expected -> DynamicTest.dynamicTest(expected.get("file").asText(), () -> {
      ApiProtocol protocol = OpenAiApis.forPath(Fixtures.path(expected));
      assertNotNull(protocol, "recognised by its path");
      byte[] body = Fixtures.body(expected);
      Integer chunks = null;
      List<List<byte[]>> splits = ParsedFixture.splits(body);
      for (int i = 0; i < splits.size(); i++) {
        ParsedFixture parsed = ParsedFixture.parse(protocol, expected, new RequestFacts(), splits.get(i));
        parsed.assertMatches(expected, i == 0 ? "whole" : i == 1 ? "byte by byte" : "split at " + (i - 1));
        if (chunks == null) {
          chunks = parsed.chunks;
        }
        assertEquals(chunks.intValue(), parsed.chunks, "output chunks, split " + i);
      }
      boolean stream = expected.get("stream").asBoolean();
      assertTrue(stream ? chunks > 0 : chunks == 0, "streams time their output chunks, bodies have none");
    }));
  }
}
