package io.aitap.agent.protocol.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** 1-hour cache writes cost more than 5-minute ones, so the split Anthropic reports is kept beside the total. */
class AnthropicCacheWritesTest {

  @Test
  void keepsTheCacheWritesOfEachDuration() {
    ResponseFacts facts = parse("application/json", "{\"id\":\"msg_01\",\"type\":\"message\",\"model\":\"claude-sonnet-4-6\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\","
        + "\"usage\":{\"input_tokens\":120,\"cache_creation_input_tokens\":8000,\"cache_read_input_tokens\":10000,"
        + "\"cache_creation\":{\"ephemeral_5m_input_tokens\":5000,\"ephemeral_1h_input_tokens\":3000},\"output_tokens\":40}}");
    assertEquals(18_120L, facts.inputTokens);
    assertEquals(8_000L, facts.cacheCreationInputTokens);
    assertEquals(5_000L, facts.cacheCreation5mInputTokens);
    assertEquals(3_000L, facts.cacheCreation1hInputTokens);
  }

  @Test
  void readsTheSplitFromAStreamsFirstEvent() {
    ResponseFacts facts = parse("text/event-stream", "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{"
        + "\"id\":\"msg_02\",\"model\":\"claude-opus-4-6\",\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":2048,"
        + "\"cache_read_input_tokens\":0,\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":2048},"
        + "\"output_tokens\":1}}}\n\n"
        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":12}}\n\n");
    assertEquals(0L, facts.cacheCreation5mInputTokens);
    assertEquals(2_048L, facts.cacheCreation1hInputTokens);
    assertEquals(12L, facts.outputTokens);
  }

  private static ResponseFacts parse(String contentType, String body) {
    ResponseFacts facts = new ResponseFacts(() -> {});
    ResponseHead head = new ResponseHead(200, name -> name.equalsIgnoreCase("content-type") ? contentType : null);
    ResponseParser parser = AnthropicMessages.INSTANCE.newResponseParser(head, new RequestFacts(), facts);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length);
    parser.endOfBody();
    return facts;
  }
}
