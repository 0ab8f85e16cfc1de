package io.aitap.agent.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.Fixtures;
import io.aitap.agent.protocol.ResponseHead;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorCategoryTest {

  private static final Map<String, String> EXPECTED = Map.of(
      "openai-error-429.json", "rate_limited",
      "openai-error-401.json", "auth",
      "azure-openai-error-429.json", "rate_limited",
      "anthropic-error-529.json", "overloaded",
      "anthropic-error-401.json", "auth",
      "gemini-error-400.json", "auth",
      "gemini-error-429.json", "rate_limited",
      "bedrock-error-429.json", "rate_limited",
      "ollama-error-404.json", "invalid_request",
      "cohere-error-429.json", "rate_limited");

  private final EndpointClassifier classifier = new EndpointClassifier(List.of(), true);

  @Test
  void everyErrorFixtureHasTheCategoryItsProviderMeans() {
    List<JsonNode> errors = Fixtures.expected(entry -> entry.get("status").asInt() >= 400);
    assertEquals(EXPECTED.size(), errors.size());
    for (JsonNode expected : errors) {
      String[] host = expected.get("host").asText().split(":");
      AiEndpoint endpoint = classifier.classify(
          "https", host[0], host.length > 1 ? Integer.parseInt(host[1]) : 443, Fixtures.path(expected));
      AiCall call = new AiCall(endpoint, new RecordingSink());
      call.responseHead(Fixtures.head(expected));
      byte[] body = Fixtures.body(expected);
      call.responseBody(body, 0, body.length);
      call.responseComplete();

      String errorType = call.outcome().errorType();
      assertNotNull(errorType, expected.get("file").asText());
      assertEquals(EXPECTED.get(expected.get("file").asText()), call.outcome().errorCategory(),
          expected.get("file").asText() + " with error.type " + errorType);
    }
  }

  @Test
  void failuresWithoutAResponseAreTimeoutsOrConnectionErrors() {
    assertEquals("timeout", categoryOfFailure(new HttpTimeoutException("request timed out")));
    assertEquals("timeout", categoryOfFailure(new SocketTimeoutException("Read timed out")));
    assertEquals("connection", categoryOfFailure(new ConnectException("Connection refused")));
    assertEquals("other", categoryOfFailure(new IllegalStateException("closed")));
  }

  @Test
  void aStreamThatBreaksOffAfterASuccessStatusIsCategorisedByItsException() {
    assertEquals("connection", categoryOfFailureAfter200(new EOFException("unexpected end of stream")));
    assertEquals("timeout", categoryOfFailureAfter200(new SocketTimeoutException("Read timed out")));
    assertEquals("other", categoryOfFailureAfter200(new IllegalStateException("closed")));
  }

  @Test
  void providerCodesDecideBeforeTheStatus() {
    assertEquals("quota_exceeded", ErrorCategory.fromProviderType("insufficient_quota"));
    assertEquals("context_length", ErrorCategory.fromProviderType("context_length_exceeded"));
    assertEquals("content_filter", ErrorCategory.fromProviderType("content_filter"));
    assertEquals("server_error", ErrorCategory.fromProviderType("api_error"));
    assertEquals(null, ErrorCategory.fromProviderType("429"));
  }

  private String categoryOfFailureAfter200(Exception failure) {
    AiEndpoint endpoint = classifier.classify("https", "api.openai.com", 443, "/v1/chat/completions");
    AiCall call = new AiCall(endpoint, new RecordingSink());
    call.responseHead(new ResponseHead(200, name -> null));
    call.failed(failure);
    return call.outcome().errorCategory();
  }

  private String categoryOfFailure(Exception failure) {
    AiEndpoint endpoint = classifier.classify("https", "api.openai.com", 443, "/v1/chat/completions");
    AiCall call = new AiCall(endpoint, new RecordingSink());
    call.failed(failure);
    return call.outcome().errorCategory();
  }
}
