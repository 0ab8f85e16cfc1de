package io.aitap.agent.instrumentation.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallEnd;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.call.RecordingSink;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ResponseHead;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TeeInputStreamTest {

  private static final byte[] BODY = "data: one\n\ndata: two\n\n".getBytes(StandardCharsets.UTF_8);

  private final RecordingProtocol protocol = new RecordingProtocol();
  private final RecordingSink sink = new RecordingSink();
  private final AiCall call = new AiCall(new AiEndpoint("openai", protocol, "h", 443, null), sink);

  TeeInputStreamTest() {
    call.responseHead(new ResponseHead(200, name -> null));
  }

  @Test
  void theApplicationReadsExactlyTheBytesAndTheCallSeesThemToo() throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    try (InputStream in = new TeeInputStream(new ByteArrayInputStream(BODY), call, this)) {
      read.write(in.read());
      byte[] buffer = new byte[5];
      for (int n; (n = in.read(buffer, 0, buffer.length)) > 0; ) {
        read.write(buffer, 0, n);
      }
    }
    assertArrayEquals(BODY, read.toByteArray());
    assertArrayEquals(BODY, protocol.responseBytes.toByteArray());
    assertSame(CallEnd.COMPLETED, call.end());
  }

  @Test
  void bytesReadAgainAfterResetAreShownOnce() throws IOException {
    InputStream in = new TeeInputStream(new BufferedInputStream(new ByteArrayInputStream(BODY)), call, this);
    in.mark(100);
    byte[] first = in.readNBytes(7);
    in.reset();
    byte[] all = in.readAllBytes();

    assertArrayEquals("data: o".getBytes(StandardCharsets.UTF_8), first);
    assertArrayEquals(BODY, all);
    assertArrayEquals(BODY, protocol.responseBytes.toByteArray());
  }

  @Test
  void skippedBytesAreStillShown() throws IOException {
    InputStream in = new TeeInputStream(new ByteArrayInputStream(BODY), call, this);
    assertEquals(4, in.skip(4));
    in.readAllBytes();

    assertArrayEquals(BODY, protocol.responseBytes.toByteArray());
  }

  @Test
  void closingBeforeTheEndAbandonsTheCall() throws IOException {
    InputStream in = new TeeInputStream(new ByteArrayInputStream(BODY), call, this);
    in.readNBytes(3);
    in.close();

    assertSame(CallEnd.ABANDONED, call.end());
    assertEquals(1, sink.ended.size());
  }

  @Test
  void aReadFailureReachesTheApplicationUnchangedAndFailsTheCall() {
    IOException reset = new IOException("connection reset");
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw reset;
          }
        };
    InputStream in = new TeeInputStream(broken, call, this);

    assertSame(reset, assertThrows(IOException.class, in::read));
    assertSame(CallEnd.FAILED, call.end());
    assertSame(reset, call.failure());
  }
}
