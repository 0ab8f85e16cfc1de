package io.aitap.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.anthropic.AnthropicMessages;
import io.aitap.agent.protocol.bedrock.BedrockRuntime;
import io.aitap.agent.protocol.cohere.CohereChat;
import io.aitap.agent.protocol.gemini.GeminiGenerateContent;
import io.aitap.agent.protocol.ollama.OllamaApi;
import io.aitap.agent.protocol.openai.OpenAiApis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which requests are AI calls with no configuration: hosts known by name, and paths on any host. */
class EndpointClassifierTest {

  private static final RequestHeaders ANTHROPIC_SDK = headers(Map.of("anthropic-version", "2023-06-01"));

  private final EndpointClassifier classifier = new EndpointClassifier(List.of(), true);

  private static RequestHeaders headers(Map<String, String> headers) {
    return headers::get;
  }

  @Test
  void knownHostsSpeakTheirOwnApisAndTheOpenAiCompatibleOnes() {
    assertSame(AnthropicMessages.INSTANCE, classifier.classify("https", "api.anthropic.com", -1, "/v1/messages").protocol());
    assertSame(OpenAiApis.CHAT_COMPLETIONS,
        classifier.classify("https", "api.anthropic.com", -1, "/v1/chat/completions").protocol());
    assertSame(CohereChat.INSTANCE, classifier.classify("https", "api.cohere.com", -1, "/v2/chat").protocol());
    assertSame(GeminiGenerateContent.GENERATE, classifier.classify("https", "generativelanguage.googleapis.com", -1,
        "/v1beta/models/gemini-2.5-flash:generateContent").protocol());
    assertSame(OpenAiApis.CHAT_COMPLETIONS, classifier.classify("https", "generativelanguage.googleapis.com", -1,
        "/v1beta/openai/chat/completions").protocol());
    assertNull(classifier.classify("https", "generativelanguage.googleapis.com", -1, "/v1beta/models"));
    assertSame(OllamaApi.CHAT, classifier.classify("http", "localhost", 11434, "/api/chat").protocol());
    assertEquals("ollama", classifier.classify("http", "ollama", 8080, "/api/embed").providerName());
  }

  @Test
  void modelsAndDeploymentsInPathsAreDecoded() {
    AiEndpoint bedrock = classifier.classify("https", "bedrock-runtime.eu-west-1.amazonaws.com", -1,
        "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/invoke");
    assertEquals("aws.bedrock", bedrock.providerName());
    assertSame(BedrockRuntime.INVOKE, bedrock.protocol());
    assertEquals("anthropic.claude-3-5-haiku-20241022-v1:0", bedrock.modelFromPath());
    AiEndpoint vertexClaude = classifier.classify("https", "us-east5-aiplatform.googleapis.com", -1,
        "/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict");
    assertEquals("gcp.vertex_ai", vertexClaude.providerName());
    assertSame(AnthropicMessages.INSTANCE, vertexClaude.protocol());
    assertEquals("claude-sonnet-4-5@20250929", vertexClaude.modelFromPath());
    AiEndpoint azure = classifier.classify("https", "acme.openai.azure.com", -1,
        "/openai/deployments/chat%20prod/chat/completions");
    assertEquals("azure.ai.openai", azure.providerName());
    assertEquals("chat prod", azure.modelFromPath());
  }

  @Test
  void gatewaysKnownByNameServeTheMessagesApiUnderTheirOwnName() {
    AiEndpoint deepseek = classifier.classify("https", "api.deepseek.com", -1, "/anthropic/v1/messages");
    assertEquals("deepseek", deepseek.providerName());
    assertSame(AnthropicMessages.INSTANCE, deepseek.protocol());
    assertEquals("openrouter", classifier.classify("https", "openrouter.ai", -1, "/api/v1/messages").providerName());
    assertSame(OpenAiApis.CHAT_COMPLETIONS,
        classifier.classify("https", "openrouter.ai", -1, "/api/v1/chat/completions").protocol());
  }

  @Test
  void anOpenAiStylePathOnAnyHostIsOpenAiCompatible() {
    AiEndpoint relay = classifier.classify("http", "LLM-Gateway.internal", 8000, "/v1/chat/completions");
    assertEquals("openai_compatible", relay.providerName());
    assertEquals("llm-gateway.internal", relay.serverAddress());
    assertNull(new EndpointClassifier(List.of(), false).classify("http", "llm-gateway.internal", 8000,
        "/v1/chat/completions"));
  }

  @Test
  void theMessagesPathOnAnyHostIsAnthropicCompatibleWhenTheRequestCarriesAnthropicVersion() {
    AiEndpoint relay = classifier.classify("https", "litellm.corp", 4000, "/v1/messages", ANTHROPIC_SDK);
    assertEquals("anthropic_compatible", relay.providerName());
    assertSame(AnthropicMessages.INSTANCE, relay.protocol());
    assertEquals(4000, relay.serverPort());
    assertEquals("anthropic_compatible",
        classifier.classify("https", "gateway.corp", -1, "/claude/v1/messages", ANTHROPIC_SDK).providerName());
  }

  @Test
  void aChatServicesMessagesPathIsNoAiCall() {
    assertNull(classifier.classify("https", "api.nexmo.com", -1, "/v1/messages",
        headers(Map.of("Authorization", "Bearer x", "Content-Type", "application/json"))));
    assertNull(classifier.classify("https", "chat.internal", -1, "/v1/messages"));
    assertNull(classifier.classify("https", "chat.internal", -1, "/v1/messages/42", ANTHROPIC_SDK));
    assertNull(classifier.classify("https", "chat.internal", -1, "/v1/messages/count_tokens", ANTHROPIC_SDK));
    assertNull(new EndpointClassifier(List.of(), false)
        .classify("https", "litellm.corp", -1, "/v1/messages", ANTHROPIC_SDK));
  }

  @Test
  void ordinaryTrafficNeverHasItsHeadersRead() {
    List<String> read = new ArrayList<>();
    RequestHeaders recording = name -> {
      read.add(name);
      return "x";
    };
    assertNull(classifier.classify("https", "orders.internal", -1, "/v1/orders", recording));
    assertNull(classifier.classify("https", "api.openai.com", -1, "/health", recording));
    assertSame(OpenAiApis.CHAT_COMPLETIONS,
        classifier.classify("https", "relay.internal", -1, "/v1/chat/completions", recording).protocol());
    assertEquals(List.of(), read);
    classifier.classify("https", "relay.internal", -1, "/v1/messages", recording);
    assertEquals(List.of("anthropic-version"), read);
  }

  @Test
  void aHeaderThatCannotBeReadMeansNoAiCall() {
    RequestHeaders broken = name -> {
      throw new IllegalStateException("Already connected");
    };
    assertNull(classifier.classify("https", "litellm.corp", -1, "/v1/messages", broken));
  }

  @Test
  void aUrlMayBeAnAiCallWhenSomeHeadersWouldMakeItOne() {
    assertTrue(classifier.mayBeAi("https", "litellm.corp", -1, "/v1/messages"));
    assertTrue(classifier.mayBeAi("https", "api.openai.com", -1, "/v1/chat/completions"));
    assertFalse(classifier.mayBeAi("https", "orders.internal", -1, "/v1/orders"));
    assertFalse(new EndpointClassifier(List.of(), false).mayBeAi("https", "litellm.corp", -1, "/v1/messages"));
  }
}
