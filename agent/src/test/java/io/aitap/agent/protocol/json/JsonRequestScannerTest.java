package io.aitap.agent.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.RequestFacts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRequestScannerTest {

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
      JsonRequestScanner scanner = new JsonRequestScanner(facts);
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
      JsonRequestScanner scanner = new JsonRequestScanner(facts);
      for (byte b : bytes) {
        scanner.feed(new byte[] {b}, 0, 1);
      }
      scanner.endOfBody();
      assertEquals("m" + shift, facts.model, "cut after " + shift + " leading bytes");
    }
  }

  @Test
  void aBodyThatIsNotJsonLeavesTheFactsUnknown() {
    RequestFacts facts = new RequestFacts();
    JsonScanner scanner = new JsonScanner((path, token, parser) -> facts.model = parser.getText());
    byte[] bytes = "model=gpt-4o&stream=true".getBytes(StandardCharsets.UTF_8);
    scanner.feed(bytes, 0, bytes.length);
    scanner.end();
    assertTrue(scanner.isBroken());
    assertEquals(null, facts.model);
  }
}
