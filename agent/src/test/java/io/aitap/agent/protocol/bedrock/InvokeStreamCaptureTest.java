package io.aitap.agent.protocol.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aitap.agent.capture.CaptureFixtures;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ParsedFixture;
import io.aitap.agent.protocol.ResponseHead;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claude's answer inside InvokeModelWithResponseStream's base64 chunks, captured however the stream is split. */
class InvokeStreamCaptureTest {

  @Test
  void claudeEventsInsideChunksAreAssembledIntoTheAnswer() {
    byte[] body = new EventStreamEncoder()
        .event("chunk", chunk("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[]}}"))
        .event("chunk", chunk("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"))
        .event("chunk", chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}"))
        .event("chunk", chunk("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" there.\"}}"))
        .event("chunk", chunk("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}"))
        .bytes();
    AiEndpoint endpoint = CaptureFixtures.endpoint("bedrock-runtime.us-east-1.amazonaws.com", 443,
        "/model/anthropic.claude-3-7-sonnet-20250219-v1%3A0/invoke-with-response-stream");
    ResponseHead head = new ResponseHead(200, Map.of("content-type", "application/vnd.amazon.eventstream")::get);
    for (List<byte[]> pieces : ParsedFixture.splits(body)) {
      assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi there.\"}],"
          + "\"finish_reason\":\"end_turn\"}]",
          CaptureFixtures.capture(CaptureFixtures.settings(), endpoint, null, head, pieces).output);
    }
  }

  private static String chunk(String vendorEvent) {
    return "{\"bytes\":\"" + Base64.getEncoder().encodeToString(vendorEvent.getBytes(StandardCharsets.UTF_8)) + "\"}";
  }
}
