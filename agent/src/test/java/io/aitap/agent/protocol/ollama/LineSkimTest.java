package io.aitap.agent.protocol.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.ResponseFacts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which Ollama stream lines are judged from their bytes. */
class LineSkimTest {

  private int chunks;
  private final ResponseFacts facts = new ResponseFacts(() -> chunks++);
  private final OllamaFields fields = new OllamaFields(facts, 200);

  LineSkimTest() {
    facts.model = "qwen3:8b";
  }

  private boolean skims(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return fields.skim(null, bytes, 0, bytes.length);
  }

  @Test
  void textLinesAreSkimmedAndCountAsOutput() {
    assertTrue(skims("{\"model\":\"qwen3:8b\",\"created_at\":\"2025-08-12T10:21:00.101Z\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"done\":false}"));
    assertTrue(skims("{\"model\":\"qwen3:8b\",\"created_at\":\"2025-08-12T10:21:00.118Z\",\"message\":{\"role\":\"assistant\",\"content\":\"!\"},\"done\":false}\r"));
    assertTrue(skims("{\"model\":\"qwen3:8b\",\"created_at\":\"2025-08-12T10:21:00.135Z\",\"response\":\" How\",\"done\":false}"));
    assertTrue(skims("{\"model\":\"qwen3:8b\",\"created_at\":\"2025-08-12T10:21:00.135Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":false}"));
    assertEquals(3, chunks);
  }

  @Test
  void theLastLineAndErrorsAreParsed() {
    assertFalse(skims("{\"model\":\"qwen3:8b\",\"created_at\":\"2025-08-12T10:21:00.169Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
        + "\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":31,\"eval_count\":11}"));
    assertFalse(skims("{\"error\":\"model runner has unexpectedly stopped\"}"));
    assertFalse(skims("{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"done\":false}"), "another model");
    assertEquals(0, chunks);
  }
}
