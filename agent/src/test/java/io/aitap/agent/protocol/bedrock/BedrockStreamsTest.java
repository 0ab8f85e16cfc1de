package io.aitap.agent.protocol.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.ParsedFixture;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bedrock streams that the reference fixtures lack, framed with real CRCs and split at every byte. */
class BedrockStreamsTest {

  private static final ResponseHead STREAM_HEAD = new ResponseHead(200, Map.of(
      "content-type", "application/vnd.amazon.eventstream",
      "x-amzn-requestid", "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e")::get);

  @Test
  void invokeModelWithResponseStreamReadsClaudeEventsInsideBase64Chunks() {
    EventStreamEncoder stream = new EventStreamEncoder()
        .event("chunk", chunk("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_bdrk_01StreamInvoke00001\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"claude-3-7-sonnet-20250219\",\"content\":[],\"stop_reason\":null,"
            + "\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":1024,\"output_tokens\":1}}}"))
        .event("chunk", chunk("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"))
        .event("chunk", chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}"))
        .event("chunk", chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" there.\"}}"))
        .event("chunk", chunk("{\"type\":\"content_block_stop\",\"index\":0}"))
        .event("chunk", chunk("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
            + "\"usage\":{\"output_tokens\":6}}"))
        .event("chunk", chunk("{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":25,"
            + "\"outputTokenCount\":6,\"invocationLatency\":512,\"firstByteLatency\":208}}"));

    everySplit(BedrockRuntime.INVOKE_STREAM, stream.bytes(), (parsed) -> {
      ResponseFacts facts = parsed.facts;
      assertEquals("msg_bdrk_01StreamInvoke00001", facts.id);
      assertEquals("claude-3-7-sonnet-20250219", facts.model);
      assertEquals(1049L, facts.inputTokens);
      assertEquals(1024L, facts.cacheReadInputTokens);
      assertEquals(6L, facts.outputTokens);
      assertEquals(List.of("end_turn"), facts.finishReasons());
      assertEquals(2, parsed.chunks);
      assertFalse(facts.failedInBody);
    });
  }

  @Test
  void anExceptionFrameFailsAConverseStreamThatBeganWith200() {
    EventStreamEncoder stream = new EventStreamEncoder()
        .event("messageStart", "{\"role\":\"assistant\",\"p\":\"abcd\"}")
        .event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Partial\"},\"p\":\"abcdefgh\"}")
        .exception("throttlingException", "{\"message\":\"Too many tokens, please wait before trying again.\"}");

    everySplit(BedrockRuntime.CONVERSE_STREAM, stream.bytes(), (parsed) -> {
      assertTrue(parsed.facts.failedInBody);
      assertEquals("ThrottlingException", parsed.facts.errorType);
      assertEquals(1, parsed.chunks);
      assertNull(parsed.facts.inputTokens);
    });
  }

  @Test
  void aCorruptFrameStopsDecodingInsteadOfMisreadingIt() {
    byte[] bytes = new EventStreamEncoder()
        .event("metadata", "{\"usage\":{\"inputTokens\":5,\"outputTokens\":7}}").bytes();
    bytes[bytes.length - 10] ^= 0x20;

    everySplit(BedrockRuntime.CONVERSE_STREAM, bytes, (parsed) -> assertNull(parsed.facts.outputTokens));
  }

  private static String chunk(String vendorEvent) {
    String encoded = Base64.getEncoder().encodeToString(vendorEvent.getBytes(StandardCharsets.UTF_8));
    return "{\"bytes\":\"" + encoded + "\",\"p\":\"abcdefghijklmnop\"}";
  }

  private static void everySplit(BedrockRuntime api, byte[] body, Consumer<Parsed> check) {
    for (List<byte[]> pieces : ParsedFixture.splits(body)) {
      Parsed parsed = new Parsed();
      RequestFacts request = new RequestFacts();
      request.model = "anthropic.claude-3-7-sonnet-20250219-v1:0";
      ResponseParser parser = api.newResponseParser(STREAM_HEAD, request, parsed.facts);
      for (byte[] piece : pieces) {
        parser.feed(piece, 0, piece.length);
      }
      parser.endOfBody();
      check.accept(parsed);
    }
  }

  private static final class Parsed {
    int chunks;
    final ResponseFacts facts = new ResponseFacts(() -> chunks++);
  }
}
