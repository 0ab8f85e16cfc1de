package io.aitap.agent.protocol.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.ResponseFacts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which ConverseStream events are judged from their bytes. */
class ConverseSkimTest {

  private int chunks;
  private final ResponseFacts facts = new ResponseFacts(() -> chunks++);
  private final ConverseFields fields = new ConverseFields(facts);

  private boolean skims(String eventType, String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return fields.skim(eventType, bytes, 0, bytes.length);
  }

  @Test
  void deltasAndBlockEventsAreSkimmedAndDeltasCountAsOutput() {
    assertTrue(skims("messageStart", "{\"p\":\"abcdefghijklmn\",\"role\":\"assistant\"}"));
    assertTrue(skims("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Checking\"},\"p\":\"abcdefghij\"}"));
    assertTrue(skims("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\" the order\"},\"p\":\"abcdefghijklmnopqrstuvwxyzABCD\"}"));
    assertTrue(skims("contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"abcdefghijkl\"}"));
    assertEquals(2, chunks);
  }

  @Test
  void stopReasonAndUsageAreParsed() {
    assertFalse(skims("messageStop", "{\"p\":\"abcdefghijklmn\",\"stopReason\":\"end_turn\"}"));
    assertFalse(skims("metadata", "{\"metrics\":{\"latencyMs\":1200},\"usage\":{\"inputTokens\":20,\"outputTokens\":5}}"));
    assertEquals(0, chunks);
  }
}
