package io.aitap.agent.call;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ResponseHead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AiCallTest {

  private final RecordingProtocol protocol = new RecordingProtocol();
  private final RecordingSink sink = new RecordingSink();
  private final AiCall call =
      new AiCall(new AiEndpoint("openai", protocol, "api.openai.com", 443, null), sink);

  @Test
  void endsExactlyOnceWhateverEndsItFirst() {
    call.responseHead(new ResponseHead(200, name -> null));
    call.responseComplete();
    call.failed(new IOException("late"));
    call.abandoned();
    call.cancelled();

    assertEquals(1, sink.ended.size());
    assertSame(CallEnd.COMPLETED, call.end());
    assertNull(call.failure());
    assertEquals(1, protocol.endOfBodyCalls);
  }

  @Test
  void aDiscardedCallIsNeverReported() {
    call.responseHead(new ResponseHead(307, name -> null));
    call.discarded();
    call.abandoned();
    call.responseComplete();

    assertTrue(call.isEnded());
    assertEquals(0, sink.ended.size());
    assertNull(call.end());
  }

  @Test
  void showsRequestAndResponseBytesToTheProtocol() {
    call.requestBody("gpt".getBytes(StandardCharsets.UTF_8), 0, 3);
    call.requestBody(ByteBuffer.allocateDirect(2).put((byte) '-').put((byte) '5').flip());
    call.responseHead(new ResponseHead(200, name -> null));
    ByteBuffer body = ByteBuffer.wrap("xxline\n".getBytes(StandardCharsets.UTF_8), 2, 5);
    call.responseBody(body);

    assertEquals("model-from-gpt-5", call.request().model);
    assertArrayEquals("line\n".getBytes(StandardCharsets.UTF_8), protocol.responseBytes.toByteArray());
    assertEquals(2, body.position(), "the application's buffer position must not move");
  }

  @Test
  void bytesAfterTheEndAreIgnored() {
    call.responseHead(new ResponseHead(200, name -> null));
    call.abandoned();
    call.responseBody("late\n".getBytes(StandardCharsets.UTF_8), 0, 5);

    assertEquals(0, protocol.responseBytes.size());
  }

  @Test
  void aFailingParserIsNotFedAgainAndTheCallIsStillReported() {
    protocol.failOnResponseBytes = true;
    call.responseHead(new ResponseHead(200, name -> null));
    call.responseBody("a\n".getBytes(StandardCharsets.UTF_8), 0, 2);
    protocol.failOnResponseBytes = false;
    call.responseBody("b\n".getBytes(StandardCharsets.UTF_8), 0, 2);
    call.responseComplete();

    assertEquals(0, protocol.responseBytes.size());
    assertEquals(1, sink.ended.size());
    assertEquals(0, protocol.endOfBodyCalls, "a broken parser is not asked to finish");
  }

  @Test
  void timesStreamedChunks() {
    call.responseHead(new ResponseHead(200, name -> "text/event-stream"));
    call.responseBody("one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8), 0, 14);
    call.responseComplete();

    assertEquals(3, call.chunks());
    assertEquals(2, sink.gaps.size(), "a gap for every chunk after the first");
    assertTrue(call.timeToFirstChunkNanos() >= 0);
    assertTrue(call.isStreaming(), "an event-stream response is a stream");
  }

  @Test
  void theModelNamedByThePathIsTheRequestModelUntilTheBodySaysOtherwise() {
    AiCall deployment =
        new AiCall(new AiEndpoint("azure.ai.openai", protocol, "x.openai.azure.com", 443, "chat-prod"), sink);
    assertEquals("chat-prod", deployment.request().model);
  }

  @Test
  void aFailureIsKept() {
    IOException refused = new IOException("refused");
    call.failed(refused);

    assertSame(CallEnd.FAILED, call.end());
    assertSame(refused, call.failure());
    assertEquals(0, call.status());
  }

  @Test
  void aBodyReadUpToItsDeclaredLengthIsComplete() {
    call.responseHead(new ResponseHead(200, name -> name.equals("content-length") ? "4" : null));
    call.responseBody("ab".getBytes(StandardCharsets.UTF_8), 0, 2);
    assertSame(null, call.end());
    call.responseBody(ByteBuffer.wrap("cd".getBytes(StandardCharsets.UTF_8)));
    call.abandoned();

    assertSame(CallEnd.COMPLETED, call.end());
    assertEquals("abcd", protocol.responseBytes.toString(StandardCharsets.UTF_8));
  }
}
