package io.aitap.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aitap.agent.protocol.anthropic.AnthropicMessages;
import io.aitap.agent.protocol.bedrock.BedrockRuntime;
import io.aitap.agent.protocol.cohere.CohereChat;
import io.aitap.agent.protocol.gemini.GeminiGenerateContent;
import io.aitap.agent.protocol.ollama.OllamaApi;
import io.aitap.agent.protocol.openai.OpenAiApis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code aitap.endpoints}: what each entry says, and what it makes of the requests under it. */
class ConfiguredEndpointTest {

  private static AiEndpoint classify(String endpoints, String url) {
    return classify(endpoints, url, RequestHeaders.NONE);
  }

  private static AiEndpoint classify(String endpoints, String url, RequestHeaders headers) {
    return new EndpointClassifier(ConfiguredEndpoint.parseList(endpoints), false)
        .classify(java.net.URI.create(url), headers);
  }

  @Test
  void aUrlAloneIsAnOpenAiCompatibleEndpoint() {
    AiEndpoint endpoint = classify("https://llm.internal:8443/v1", "https://llm.internal:8443/v1/chat/completions");
    assertEquals("openai_compatible", endpoint.providerName());
    assertSame(OpenAiApis.CHAT_COMPLETIONS, endpoint.protocol());
    assertEquals("llm.internal", endpoint.serverAddress());
    assertEquals(8443, endpoint.serverPort());
  }

  @Test
  void aProviderOfNoApiOfItsOwnSpeaksTheOpenAiFamily() {
    AiEndpoint endpoint = classify("https://api.holysheep.ai/v1=holysheep", "https://api.holysheep.ai/v1/embeddings");
    assertEquals("holysheep", endpoint.providerName());
    assertSame(OpenAiApis.EMBEDDINGS, endpoint.protocol());
    assertNull(classify("https://api.holysheep.ai/v1=holysheep", "https://api.holysheep.ai/v1/messages"));
  }

  @Test
  void ollamaOnAnyPortSpeaksItsOwnApiAndItsOpenAiCompatibleOne() {
    String ollama = "http://gpu-box:8080=ollama";
    assertSame(OllamaApi.CHAT, classify(ollama, "http://gpu-box:8080/api/chat").protocol());
    assertSame(OllamaApi.GENERATE, classify(ollama, "http://gpu-box:8080/api/generate").protocol());
    assertSame(OllamaApi.EMBED, classify(ollama, "http://gpu-box:8080/api/embed").protocol());
    assertSame(OpenAiApis.CHAT_COMPLETIONS, classify(ollama, "http://gpu-box:8080/v1/chat/completions").protocol());
    assertEquals("ollama", classify(ollama, "http://gpu-box:8080/api/chat").providerName());
    assertNull(classify(ollama, "http://gpu-box:8080/api/tags"));
  }

  @Test
  void eachKnownProviderSpeaksItsOwnApiByDefault() {
    assertSame(AnthropicMessages.INSTANCE, classify("https://claude.corp=anthropic", "https://claude.corp/v1/messages").protocol());
    assertSame(CohereChat.INSTANCE, classify("https://cohere.corp=cohere", "https://cohere.corp/v2/chat").protocol());
    AiEndpoint gemini = classify("https://gemini.corp=gcp.gemini",
        "https://gemini.corp/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    assertSame(GeminiGenerateContent.STREAM, gemini.protocol());
    assertEquals("gemini-2.5-flash", gemini.modelFromPath());
    assertSame(GeminiGenerateContent.GENERATE, classify("https://vertex.corp=gcp.vertex_ai",
        "https://vertex.corp/v1/projects/p/locations/l/publishers/google/models/gemini-2.5-pro:generateContent").protocol());
    AiEndpoint bedrock = classify("https://bedrock.corp=aws.bedrock",
        "https://bedrock.corp/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream");
    assertSame(BedrockRuntime.CONVERSE_STREAM, bedrock.protocol());
    assertEquals("anthropic.claude-3-5-haiku-20241022-v1:0", bedrock.modelFromPath());
  }

  @Test
  void theApiNamedAfterAColonOverridesTheDefault() {
    AiEndpoint relay = classify("https://relay.corp=corp_relay:anthropic", "https://relay.corp/v1/messages");
    assertEquals("corp_relay", relay.providerName());
    assertSame(AnthropicMessages.INSTANCE, relay.protocol());
    assertSame(OllamaApi.CHAT, classify("http://llm:9000=vllm:OLLAMA", "http://llm:9000/api/chat").protocol());
    assertNull(classify("http://llm:9000=ollama:openai", "http://llm:9000/api/chat"));
  }

  @Test
  void aConfiguredEndpointNeedsNoAnthropicVersionHeader() {
    assertEquals("corp_relay",
        classify("https://relay.corp=corp_relay:anthropic", "https://relay.corp/v1/messages").providerName());
  }

  @Test
  void bothApisOfOneRelayHostThroughTwoEntries() {
    String relay = "https://relay.corp/openai/v1=corp_relay, https://relay.corp/anthropic=corp_relay:anthropic";
    AiEndpoint openAi = classify(relay, "https://relay.corp/openai/v1/chat/completions");
    AiEndpoint anthropic = classify(relay, "https://relay.corp/anthropic/v1/messages");
    assertSame(OpenAiApis.CHAT_COMPLETIONS, openAi.protocol());
    assertSame(AnthropicMessages.INSTANCE, anthropic.protocol());
    assertEquals("corp_relay", openAi.providerName());
    assertEquals("corp_relay", anthropic.providerName());
    assertNull(classify(relay, "https://relay.corp/openai/v1/messages"));
  }

  @Test
  void theMostSpecificBaseUrlDecidesWhicheverComesFirst() {
    String relay = "https://relay.corp=corp_relay, https://relay.corp/claude=claude_relay:anthropic";
    assertEquals("claude_relay", classify(relay, "https://relay.corp/claude/v1/messages").providerName());
    assertEquals("corp_relay", classify(relay, "https://relay.corp/v1/chat/completions").providerName());
  }

  @Test
  void aPrefixMatchesWholePathSegmentsOnly() {
    String relay = "https://relay.corp/team=team_relay";
    assertEquals("team_relay", classify(relay, "https://relay.corp/team/v1/chat/completions").providerName());
    assertNull(classify(relay, "https://relay.corp/teams/v1/chat/completions"));
    assertEquals("team_relay", classify("https://relay.corp/team/=team_relay",
        "https://relay.corp/team/v1/chat/completions").providerName());
  }

  @Test
  void defaultPortsMatchTheSchemes() {
    assertEquals(443, classify("https://relay.corp=r", "https://relay.corp:443/v1/chat/completions").serverPort());
    assertEquals(443, classify("https://relay.corp:443=r", "https://relay.corp/v1/chat/completions").serverPort());
    assertEquals(80, classify("http://relay.corp=r", "http://relay.corp/v1/chat/completions").serverPort());
    assertNull(classify("http://relay.corp=r", "http://relay.corp:8080/v1/chat/completions"));
    assertNull(classify("http://relay.corp=r", "https://relay.corp/v1/chat/completions"));
  }

  @Test
  void hostAndSchemeMatchInAnyCase() {
    assertEquals("r", classify("HTTPS://Relay.Corp=r", "https://relay.corp/v1/chat/completions").providerName());
  }

  @Test
  void badEntriesAreSkippedAndTheRestKept() {
    List<ConfiguredEndpoint> endpoints = ConfiguredEndpoint.parseList(String.join(",",
        "gpu-box:8080=ollama",
        "ftp://files.corp=files",
        "http://relay.corp=",
        "http://relay.corp=corp:",
        "http://relay.corp=corp:grpc",
        "http://bad host/=x",
        "/v1=relative",
        "",
        " http://good.corp:8080 = good : ollama "));
    assertEquals(1, endpoints.size());
    assertEquals("good", endpoints.get(0).providerName());
    assertSame(OllamaApi.CHAT, new EndpointClassifier(endpoints, false)
        .classify("http", "good.corp", 8080, "/api/chat").protocol());
  }

  @Test
  void noValueMeansNoEndpoints() {
    assertEquals(0, ConfiguredEndpoint.parseList(null).size());
    assertEquals(0, ConfiguredEndpoint.parseList(" , ").size());
  }

  @Test
  void otherPathsUnderAConfiguredBaseUrlAreNoAiCalls() {
    assertNull(classify("https://relay.corp=corp_relay", "https://relay.corp/health"));
    assertNull(classify("https://api.openai.com/v1=my_openai", "https://api.openai.com/v1/messages"));
  }

  @Test
  void pathDetectionStillFindsTheMessagesApiUnderAConfiguredBaseUrlInTheConfiguredName() {
    EndpointClassifier classifier = new EndpointClassifier(
        ConfiguredEndpoint.parseList("https://relay.corp=corp_relay"), true);
    AiEndpoint messages = classifier.classify("https", "relay.corp", 443, "/v1/messages", name -> "2023-06-01");
    assertEquals("corp_relay", messages.providerName());
    assertSame(AnthropicMessages.INSTANCE, messages.protocol());
    assertNull(classifier.classify("https", "relay.corp", 443, "/v1/messages"));
    assertNull(classifier.classify("https", "relay.corp", 443, "/health", name -> "2023-06-01"));
  }
}
