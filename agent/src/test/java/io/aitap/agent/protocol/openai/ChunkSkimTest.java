package io.aitap.agent.protocol.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.sse.JsonEventStreamParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which chat chunks are judged from their bytes, and that those never hide what the parser would read. */
class ChunkSkimTest {

  private static final String DELTA = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
      + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"logprobs\":null,\"finish_reason\":null}]";

  private int chunks;
  private final ResponseFacts facts = new ResponseFacts(() -> chunks++);
  private final ChoicesFields fields = new ChoicesFields(facts, false);

  ChunkSkimTest() {
    facts.id = "c1";
    facts.model = "m";
  }

  private boolean skims(String event) {
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    return fields.skim(null, bytes, 0, bytes.length);
  }

  @Test
  void aTextDeltaIsSkimmedAndStillCountsAsOutput() {
    assertTrue(skims(DELTA + "}"));
    assertTrue(skims(DELTA + ",\"usage\": null}"), "usage null, spaced");
    assertTrue(skims(" " + DELTA + "}\r\n"), "whitespace around");
    assertTrue(skims(DELTA.replace("Hi", "\u00e9\u4e16\ud83d\ude00 \\\"\\u00e9\\n") + "}"), "UTF-8 and escapes in the text");
    assertEquals(4, chunks);
  }

  @Test
  void aDeltaWithoutTextIsSkimmedWithoutOutput() {
    assertTrue(skims(DELTA.replace("{\"content\":\"Hi\"}", "{\"role\":\"assistant\",\"content\":\"\"}") + "}"));
    assertTrue(skims(DELTA.replace("{\"content\":\"Hi\"}", "{}") + "}"));
    assertTrue(skims(DELTA.replace("{\"content\":\"Hi\"}", "{\"content\":null}") + "}"));
    assertEquals(0, chunks);
  }

  /** Each case twice: walked in full, and compared with the template the plain delta before it left. */
  private boolean skimsAfterADelta(String event) {
    boolean alone = skims(event);
    assertTrue(skims(DELTA + "}"));
    assertEquals(alone, skims(event), "with and without a template: " + event);
    return alone;
  }

  @Test
  void whatTheFieldsReadIsNeverSkimmed() {
    assertFalse(skimsAfterADelta(DELTA + ",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}"), "usage beside a delta");
    assertFalse(skimsAfterADelta(DELTA.replace("\"finish_reason\":null", "\"finish_reason\":\"stop\"") + "}"), "a finish reason");
    assertFalse(skimsAfterADelta("{\"error\":{\"type\":\"server_error\",\"code\":\"x\"}}"), "an error");
    assertFalse(skimsAfterADelta(DELTA.replace("\"model\":\"m\"", "\"model\":\"m2\"") + "}"), "another model");
    assertFalse(skimsAfterADelta(DELTA.replace("\"id\":\"c1\"", "\"id\":\"c2\"") + "}"), "another id");
    assertFalse(skimsAfterADelta(DELTA.replace("\"model\":\"m\"", "\"model\":\"\\u006d\"") + "}"), "the same model, escaped");
    assertFalse(skimsAfterADelta(DELTA + ",\"\\u0075sage\":{\"prompt_tokens\":3}}"), "an escaped field name");
    assertFalse(skimsAfterADelta(DELTA.replace("{\"content\":\"Hi\"}",
        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}") + "}"), "a tool call");
  }

  @Test
  void whatTheParserWouldRejectIsNeverSkimmed() {
    assertFalse(skimsAfterADelta("[DONE]"));
    assertFalse(skimsAfterADelta(DELTA), "cut short");
    assertFalse(skimsAfterADelta(DELTA + "}}"), "trailing bytes");
    assertFalse(skimsAfterADelta(DELTA + "} {}"), "two documents");
    assertFalse(skimsAfterADelta(DELTA.replace("\"created\":1", "\"created\":01") + "}"), "a leading zero");
    assertFalse(skimsAfterADelta(DELTA.replace("Hi", "H\ti") + "}"), "a raw control character");
    assertFalse(skimsAfterADelta(DELTA.replace("Hi", "H\\xi") + "}"), "an unknown escape");
    byte[] invalid = (DELTA + "}").getBytes(StandardCharsets.UTF_8);
    invalid[DELTA.indexOf("Hi")] = (byte) 0xC0;
    assertFalse(fields.skim(null, invalid, 0, invalid.length), "invalid UTF-8");
    assertTrue(skims(DELTA + "}"));
    assertFalse(fields.skim(null, invalid, 0, invalid.length), "invalid UTF-8, with a template");
    assertTrue(skimsAfterADelta(DELTA.replace("Hi", "Hi\\\"},\\\"finish_reason\\\":\\\"stop") + "}"), "a text with quotes");
    assertFalse(skimsAfterADelta(DELTA.replace("Hi", "Hi\"},\"finish_reason\":\"stop") + "}"), "a text that closes early");
  }

  @Test
  void aModelReadSinceTheTemplateSendsTheEventToTheParser() {
    assertTrue(skims(DELTA + "}"));
    facts.model = "m2";
    assertFalse(skims(DELTA + "}"));
    facts.model = "m";
    assertTrue(skims(DELTA + "}"));
  }

  @Test
  void usageSplitAcrossReadsIsFound() {
    String stream = "data: " + DELTA + "}\n\ndata: " + DELTA.replace("{\"content\":\"Hi\"}", "{}")
        + ",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":7}}\n\ndata: [DONE]\n\n";
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    int usage = stream.indexOf("\"usage\"") + 3;
    for (int split : List.of(usage, usage + 8, stream.indexOf("completion_tokens") + 4)) {
      ResponseFacts read = new ResponseFacts(() -> {});
      JsonEventStreamParser parser = new JsonEventStreamParser(new ChoicesFields(read, false));
      parser.feed(bytes, 0, split);
      parser.feed(bytes, split, bytes.length - split);
      parser.endOfBody();
      assertEquals(3L, read.inputTokens, "split at " + split);
      assertEquals(7L, read.outputTokens, "split at " + split);
      assertEquals("m", read.model);
    }
  }

  @Test
  void aLongEventIsParsedAsItStreams() {
    String text = "x".repeat(40_000);
    String stream = "data: " + DELTA.replace("Hi", text) + ",\"usage\":{\"completion_tokens\":9}}\n\n";
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    JsonEventStreamParser parser = new JsonEventStreamParser(fields);
    for (int at = 0; at < bytes.length; at += 1000) {
      parser.feed(bytes, at, Math.min(1000, bytes.length - at));
    }
    parser.endOfBody();
    assertEquals(9L, facts.outputTokens);
    assertEquals(1, chunks);
  }
}
