package io.aitap.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture of expected.json that is a wire format, recognised from its real host and path the
 * way the agent recognises it, parsed whole, byte by byte and split at every position.
 */
class ProviderFixturesTest {

  /** What the fixtures call a provider, and what gen_ai.provider.name says. */
  private static final Map<String, String> PROVIDER_NAMES = Map.ofEntries(
      Map.entry("openai", "openai"),
      Map.entry("azure-openai", "azure.ai.openai"),
      Map.entry("anthropic", "anthropic"),
      Map.entry("gemini", "gcp.gemini"),
      Map.entry("vertex", "gcp.vertex_ai"),
      Map.entry("aws-bedrock", "aws.bedrock"),
      Map.entry("ollama", "ollama"),
      Map.entry("vllm", "vllm"),
      Map.entry("cohere", "cohere"),
      Map.entry("mistral", "mistral_ai"),
      Map.entry("deepseek", "deepseek"),
      Map.entry("openrouter", "openrouter"),
      Map.entry("xai", "x_ai"));

  private final EndpointClassifier classifier = new EndpointClassifier(List.of(), true);

  @TestFactory
  Stream<DynamicTest> everySharedFixtureIsRecognisedAndParsedExactly() {
    List<JsonNode> fixtures = Fixtures.expected(entry -> !entry.get("content_type").asText().startsWith("("));
    assertEquals(32, fixtures.size(), "wire-format fixtures in the reference expected.json");
    return fixtures.stream().map(this::check);
  }

  @TestFactory
  Stream<DynamicTest> everyOwnFixtureIsRecognisedAndParsedExactly() {
    List<JsonNode> fixtures = Fixtures.expected(Fixtures.OWN, entry -> true);
    assertEquals(18, fixtures.size(), "fixtures in this module's expected.json");
    return fixtures.stream().map(this::check);
  }

  private DynamicTest check(JsonNode expected) {
    return DynamicTest.dynamicTest(expected.get("file").asText(), () -> {
      String[] hostAndPort = expected.get("host").asText().split(":");
      int port = hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : 443;
      AiEndpoint endpoint = classifier.classify("https", hostAndPort[0], port, Fixtures.path(expected));
      assertNotNull(endpoint, "recognised");
      assertEquals(PROVIDER_NAMES.get(expected.get("provider").asText()), endpoint.providerName());
      String requestModel = Fixtures.textOrNull(expected, "request_model");
      if (requestModel != null && requestModel.contains("URL path")) {
        assertEquals(Fixtures.textOrNull(expected, "request_model"), endpoint.modelFromPath());
      }
      byte[] body = Fixtures.body(expected);
      Integer chunks = null;
      List<List<byte[]>> splits = ParsedFixture.splits(body);
      for (int i = 0; i < splits.size(); i++) {
        RequestFacts request = new RequestFacts();
        request.model = endpoint.modelFromPath();
        ParsedFixture parsed = ParsedFixture.parse(endpoint.protocol(), expected, request, splits.get(i));
        parsed.assertMatches(expected, i == 0 ? "whole" : i == 1 ? "byte by byte" : "split at " + (i - 1));
        chunks = chunks == null ? parsed.chunks : chunks;
        assertEquals(chunks.intValue(), parsed.chunks, "output chunks, split " + i);
      }
      boolean stream = expected.get("stream").asBoolean();
      assertTrue(stream ? chunks > 0 || expected.has("chunks") : chunks == 0,
          "streams time their output chunks, bodies have none");
    });
  }
}
