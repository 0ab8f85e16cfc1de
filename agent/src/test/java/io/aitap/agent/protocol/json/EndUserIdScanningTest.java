package io.aitap.agent.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EndUserIdScanningTest {

  private static String endUserId(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    RequestFacts facts = new RequestFacts();
    RequestScanner scanner = JsonRequestFields.scanner(facts);
    // a byte at a time: the id may be split anywhere
    for (int i = 0; i < bytes.length; i++) {
      scanner.feed(bytes, i, 1);
    }
    scanner.endOfBody();
    return facts.endUserId;
  }

  @Test
  void openAiUser() {
    assertEquals("user-123", endUserId("{\"model\":\"gpt-4o\",\"user\":\"user-123\",\"messages\":[]}"));
  }

  @Test
  void openAiSafetyIdentifierWinsOverUserInEitherOrder() {
    assertEquals("safe-1", endUserId("{\"user\":\"u-1\",\"safety_identifier\":\"safe-1\"}"));
    assertEquals("safe-1", endUserId("{\"safety_identifier\":\"safe-1\",\"user\":\"u-1\"}"));
  }

  @Test
  void anthropicMetadataUserId() {
    assertEquals("8f14e45f", endUserId("{\"model\":\"claude\",\"metadata\":{\"user_id\":\"8f14e45f\"},\"max_tokens\":5}"));
  }

  @Test
  void aUserInsideTheConversationIsNoId() {
    assertNull(endUserId("{\"messages\":[{\"role\":\"user\",\"user\":\"x\",\"content\":\"hi\"}],\"input\":{\"user\":\"y\"}}"));
    assertNull(endUserId("{\"user\":42}"));
  }
}
