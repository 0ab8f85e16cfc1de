package io.aitap.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each built-in redaction and a user pattern, applied to what a real request scan captured. */
class RedactionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String capturedUserText(String text, String... settings) throws Exception {
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("model", "gpt-4o")
        .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", text))));
    CaptureFixtures.Captured captured = CaptureFixtures.capture(CaptureFixtures.settings(settings),
        CaptureFixtures.endpoint("api.openai.com", 443, "/v1/chat/completions"),
        List.of(body.getBytes(StandardCharsets.UTF_8)), null, null);
    JsonNode input = JSON.readTree(captured.input);
    return input.get(0).get("parts").get(0).get("content").asText();
  }

  @Test
  void bearerTokensAreRedacted() throws Exception {
    assertEquals("send Authorization: [redacted:bearer] please",
        capturedUserText("send Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def please"));
  }

  @Test
  void apiKeysAreRedacted() throws Exception {
    assertEquals("keys [redacted:key], [redacted:key], [redacted:key], [redacted:key] and api_key=[redacted:key]",
        capturedUserText("keys sk-proj-AbCdEfGhIjKlMnOpQrSt1234, sk-ant-api03-ZZZZZZZZZZZZZZZZZZZZ,"
            + " AIzaSyA1234567890abcdefghijklmnopqrstu, AKIAIOSFODNN7EXAMPLE and api_key=s3cr3tValue99"));
  }

  @Test
  void emailAddressesAreRedacted() throws Exception {
    assertEquals("mail [redacted:email] now", capturedUserText("mail jane.doe+ops@mail.example.co.uk now"));
  }

  @Test
  void cardNumbersAreRedactedOnlyWhenTheyPassTheLuhnCheck() throws Exception {
    assertEquals("card [redacted:card] and [redacted:card], order 4111111111111112",
        capturedUserText("card 4111 1111 1111 1111 and 5500-0000-0000-0004, order 4111111111111112"));
    assertTrue(Redactor.passesLuhn("4111111111111111"));
    assertFalse(Redactor.passesLuhn("4111111111111112"));
  }

  @Test
  void phoneNumbersAreRedacted() throws Exception {
    assertEquals("call [redacted:phone], [redacted:phone] or [redacted:phone] on 2026-12-05 at 10:30",
        capturedUserText("call +1 415-555-0132, (020) 7946 0958 or +441632960961 on 2026-12-05 at 10:30"));
  }

  @Test
  void userPatternsAreRedactedToo() throws Exception {
    assertEquals("order [redacted] for [redacted:email]",
        capturedUserText("order ORD-123456 for a@b.io", "aitap.capture.redact", "ORD-\\d+"));
  }

  @Test
  void anInvalidUserPatternWithholdsEveryText() throws Exception {
    assertEquals("[redacted]", capturedUserText("nothing secret", "aitap.capture.redact", "(unclosed"));
  }

  @Test
  void toolArgumentsAndResultsAreRedacted() throws Exception {
    String body = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"mail\","
        + "\"arguments\":\"{\\\"to\\\":\\\"bob@example.com\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c\","
        + "\"content\":\"sent to bob@example.com\"}]}";
    CaptureFixtures.Captured captured = CaptureFixtures.capture(CaptureFixtures.settings(),
        CaptureFixtures.endpoint("api.openai.com", 443, "/v1/chat/completions"),
        List.of(body.getBytes(StandardCharsets.UTF_8)), null, null);
    assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c\",\"name\":\"mail\","
        + "\"arguments\":\"{\\\"to\\\":\\\"[redacted:email]\\\"}\"}]},{\"role\":\"tool\",\"parts\":[{\"type\":"
        + "\"tool_call_response\",\"id\":\"c\",\"response\":\"sent to [redacted:email]\"}]}]", captured.input);
  }
}
