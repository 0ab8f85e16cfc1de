package io.aitap.agent.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRequestFieldsTest {

  @Test
  void findsTheParametersAfterMegabytesOfImage() {
    StringBuilder image = new StringBuilder();
    while (image.length() < 4_000_000) {
      image.append("iVBORw0KGgoAAAANSUhEUgAA\\\"\\u00e9é€𝄞");
    }
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,"
        + image + "\"}}]}],\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
        + "\"max_completion_tokens\":512,\"temperature\":0.2,\"top_p\":1}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    for (int piece : new int[] {bytes.length, 8192, 1000, 7}) {
      RequestFacts facts = new RequestFacts();
      RequestScanner scanner = JsonRequestFields.scanner(facts);
      for (int i = 0; i < bytes.length; i += piece) {
        scanner.feed(bytes, i, Math.min(piece, bytes.length - i));
      }
      scanner.endOfBody();
      assertEquals("gpt-4o", facts.model, "pieces of " + piece);
      assertEquals(true, facts.stream);
      assertEquals(true, facts.includeUsage);
      assertEquals(512L, facts.maxTokens);
      assertEquals(0.2, facts.temperature);
      assertEquals(1.0, facts.topP);
    }
  }

  @Test
  void cutsLongStringsOnlyWhereTheJsonStaysValid() {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < 3 * JsonScanner.KEPT_STRING_BYTES; i++) {
      value.append(i % 7 == 0 ? "\\u00e9" : i % 5 == 0 ? "é" : i % 3 == 0 ? "\\\"" : "𝄞");
    }
    for (int shift = 0; shift < 12; shift++) {
      String body = "{\"a\":\"" + "x".repeat(shift) + value + "\",\"model\":\"m" + shift + "\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      RequestFacts facts = new RequestFacts();
      RequestScanner scanner = JsonRequestFields.scanner(facts);
      for (byte b : bytes) {
        scanner.feed(new byte[] {b}, 0, 1);
      }
      scanner.endOfBody();
      assertEquals("m" + shift, facts.model, "cut after " + shift + " leading bytes");
    }
  }

  @Test
  void providersThatNestTheirSamplingParametersAreReadThere() {
    RequestFacts gemini = scan(io.aitap.agent.protocol.gemini.GeminiGenerateContent.STREAM,
        "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"maxOutputTokens\":256,\"temperature\":0.4,\"topP\":0.9},\"max_tokens\":1}");
    assertEquals(256L, gemini.maxTokens, "a top-level max_tokens is not Gemini's");
    assertEquals(0.4, gemini.temperature);
    assertEquals(0.9, gemini.topP);
    assertEquals(true, gemini.stream, "streamGenerateContent streams");

    RequestFacts ollama = scan(io.aitap.agent.protocol.ollama.OllamaApi.CHAT,
        "{\"model\":\"llama3.2\",\"options\":{\"num_predict\":64,\"temperature\":0.1,\"top_p\":0.5},\"stream\":false}");
    assertEquals("llama3.2", ollama.model);
    assertEquals(64L, ollama.maxTokens);
    assertEquals(false, ollama.stream, "the request's own stream flag wins over Ollama's default");

    RequestFacts bedrock = scan(io.aitap.agent.protocol.bedrock.BedrockRuntime.CONVERSE,
        "{\"messages\":[],\"inferenceConfig\":{\"maxTokens\":512,\"temperature\":0.7,\"topP\":0.95}}");
    assertEquals(512L, bedrock.maxTokens);
    assertEquals(0.95, bedrock.topP);
  }

  @Test
  void cohereCallsTopPP() {
    RequestFacts cohere = scan(io.aitap.agent.protocol.cohere.CohereChat.INSTANCE,
        "{\"model\":\"command-a-03-2025\",\"messages\":[],\"max_tokens\":300,\"temperature\":0.3,\"p\":0.75,\"k\":40}");
    assertEquals(300L, cohere.maxTokens);
    assertEquals(0.3, cohere.temperature);
    assertEquals(0.75, cohere.topP);
  }

  @Test
  void bedrockInvokeModelBodiesAreReadWhereTheirVendorPutsTheParameters() {
    String anthropic = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"messages\":[],\"max_tokens\":512,"
        + "\"temperature\":0.7,\"top_p\":0.95}";
    String nova = "{\"messages\":[],\"inferenceConfig\":{\"max_new_tokens\":128,\"temperature\":0.5,\"topP\":0.8}}";
    String llama = "{\"prompt\":\"hi\",\"max_gen_len\":64,\"temperature\":0.1,\"top_p\":0.6}";
    for (io.aitap.agent.protocol.ApiProtocol invoke : java.util.List.of(
        io.aitap.agent.protocol.bedrock.BedrockRuntime.INVOKE,
        io.aitap.agent.protocol.bedrock.BedrockRuntime.INVOKE_STREAM)) {
      RequestFacts claude = scan(invoke, "us.anthropic.claude-3-5-haiku-20241022-v1:0", anthropic);
      assertEquals(512L, claude.maxTokens);
      assertEquals(0.7, claude.temperature);
      assertEquals(0.95, claude.topP);
      assertEquals("us.anthropic.claude-3-5-haiku-20241022-v1:0", claude.model, "the body names no model");

      RequestFacts amazon = scan(invoke, "amazon.nova-lite-v1:0", nova);
      assertEquals(128L, amazon.maxTokens);
      assertEquals(0.5, amazon.temperature);
      assertEquals(0.8, amazon.topP);

      RequestFacts meta = scan(invoke, "meta.llama3-1-8b-instruct-v1:0", llama);
      assertEquals(64L, meta.maxTokens);
      assertEquals(0.1, meta.temperature);
      assertEquals(0.6, meta.topP);
    }
  }

  private static RequestFacts scan(io.aitap.agent.protocol.ApiProtocol protocol, String body) {
    return scan(protocol, null, body);
  }

  /** @param modelFromPath the model the URL names, known before the body is written */
  private static RequestFacts scan(io.aitap.agent.protocol.ApiProtocol protocol, String modelFromPath, String body) {
    RequestFacts facts = new RequestFacts();
    facts.model = modelFromPath;
    io.aitap.agent.protocol.RequestScanner scanner = protocol.newRequestScanner(facts);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      scanner.feed(new byte[] {b}, 0, 1);
    }
    scanner.endOfBody();
    return facts;
  }

  @Test
  void aBodyThatIsNotJsonLeavesTheFactsUnknown() {
    RequestFacts facts = new RequestFacts();
    JsonScanner scanner = new JsonScanner((path, token, parser) -> facts.model = parser.getText());
    byte[] bytes = "model=gpt-4o&stream=true".getBytes(StandardCharsets.UTF_8);
    scanner.feed(bytes, 0, bytes.length);
    scanner.endOfBody();
    assertTrue(scanner.isBroken());
    assertEquals(null, facts.model);
  }
}
