package io.aitap.agent.protocol.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Converse splits cache writes by how long they are kept in {@code cacheDetails}; a 1-hour write costs more. */
class ConverseCacheWritesTest {

  @Test
  void keepsTheCacheWritesOfEachDuration() {
    String body = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"ok\"}]}},\"stopReason\":\"end_turn\","
        + "\"usage\":{\"inputTokens\":20,\"outputTokens\":5,\"totalTokens\":6025,\"cacheReadInputTokens\":0,"
        + "\"cacheWriteInputTokens\":6000,\"cacheDetails\":[{\"ttl\":\"5m\",\"inputTokens\":2000},{\"inputTokens\":4000,\"ttl\":\"1h\"}]},"
        + "\"metrics\":{\"latencyMs\":800}}";
    ResponseFacts facts = new ResponseFacts(() -> {});
    ResponseHead head = new ResponseHead(200, Map.of("content-type", "application/json")::get);
    ResponseParser parser = BedrockRuntime.CONVERSE.newResponseParser(head, new RequestFacts(), facts);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length);
    parser.endOfBody();

    assertEquals(6_020L, facts.inputTokens);
    assertEquals(6_000L, facts.cacheCreationInputTokens);
    assertEquals(2_000L, facts.cacheCreation5mInputTokens);
    assertEquals(4_000L, facts.cacheCreation1hInputTokens);
  }
}
