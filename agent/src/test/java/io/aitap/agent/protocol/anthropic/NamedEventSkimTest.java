package io.aitap.agent.protocol.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.ResponseFacts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which Anthropic stream events are judged from their bytes: named ones that say nothing new. */
class NamedEventSkimTest {

  private static final String DELTA = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}";

  private int chunks;
  private final ResponseFacts facts = new ResponseFacts(() -> chunks++);
  private final AnthropicFields fields = new AnthropicFields(facts);

  private boolean skims(String name, String data) {
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    return fields.skim(name, bytes, 0, bytes.length);
  }

  @Test
  void deltasAndPingsAreSkimmedAndDeltasCountAsOutput() {
    assertTrue(skims("content_block_delta", DELTA));
    assertTrue(skims("ping", "{\"type\": \"ping\"}"));
    assertTrue(skims("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
    assertEquals(1, chunks);
  }

  @Test
  void whatTheFieldsReadIsParsed() {
    assertFalse(skims("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
        + "\"usage\":{\"output_tokens\":15}}"));
    assertFalse(skims("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude\"}}"));
    assertFalse(skims("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
    assertFalse(skims(null, DELTA), "unnamed, where the type names the event");
    assertEquals(0, chunks);
  }

  @Test
  void aSkimmedErrorEventStillFailsTheCall() {
    assertTrue(skims("error", "{\"type\":\"error\"}"));
    assertTrue(facts.failedInBody);
  }
}
