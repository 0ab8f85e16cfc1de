package io.aitap.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.aitap.agent.protocol.openai.OpenAiApis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {

  private static final byte[] BODY =
      Fixtures.body(Fixtures.expected(e -> e.get("file").asText().equals("openai-chat-stream.sse")).get(0));

  @Test
  void gzipIsInflatedHoweverItIsSplit() throws IOException {
    assertInflatesAtEverySplit("gzip", gzip(BODY));
  }

  @Test
  void deflateIsInflatedWhetherZlibWrappedOrRaw() throws IOException {
    assertInflatesAtEverySplit("deflate", deflate(BODY, false));
    assertInflatesAtEverySplit("deflate", deflate(BODY, true));
  }

  @Test
  void aGzipHeaderWithNameExtraAndCommentIsSkipped() throws IOException {
    byte[] plain = gzip(BODY);
    ByteArrayOutputStream withFields = new ByteArrayOutputStream();
    withFields.write(plain, 0, 3);
    withFields.write(4 | 8 | 16);
    withFields.write(plain, 4, 6);
    withFields.write(new byte[] {3, 0, 'x', 'y', 'z'});
    withFields.write("body.sse\0a comment\0".getBytes());
    withFields.write(plain, 10, plain.length - 10);
    assertInflatesAtEverySplit("gzip", withFields.toByteArray());
  }

  @Test
  void bytesThatAreNotGzipReachNoParser() {
    Collecting collecting = new Collecting();
    ResponseParser parser = ContentDecoding.decoding("gzip", collecting);
    parser.feed(BODY, 0, BODY.length);
    parser.endOfBody();
    assertEquals(0, collecting.bytes.size());
    assertEquals(false, collecting.ended);
  }

  @Test
  void compressedFixturesParseToTheSameFacts() throws IOException {
    JsonNode expected = Fixtures.expected(e -> e.get("file").asText().equals("openai-chat-stream.sse")).get(0);
    byte[] compressed = gzip(BODY);
    ResponseFacts facts = new ResponseFacts(() -> {});
    ResponseParser parser = ContentDecoding.decoding("gzip",
        OpenAiApis.CHAT_COMPLETIONS.newResponseParser(Fixtures.head(expected), new RequestFacts(), facts));
    for (byte b : compressed) {
      parser.feed(new byte[] {b}, 0, 1);
    }
    parser.endOfBody();
    assertEquals(1250L, facts.inputTokens);
    assertEquals(List.of("stop"), facts.finishReasons());
  }

  private static void assertInflatesAtEverySplit(String encoding, byte[] compressed) {
    for (int at = 0; at <= compressed.length; at++) {
      Collecting collecting = new Collecting();
      ResponseParser parser = ContentDecoding.decoding(encoding, collecting);
      parser.feed(compressed, 0, at);
      parser.feed(compressed, at, compressed.length - at);
      parser.endOfBody();
      assertArrayEquals(BODY, collecting.bytes.toByteArray(), "split at " + at);
    }
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] body, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      deflate.write(body);
    }
    return out.toByteArray();
  }

  private static final class Collecting implements ResponseParser {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean ended;

    @Override
    public void feed(byte[] b, int offset, int length) {
      bytes.write(b, offset, length);
    }

    @Override
    public void endOfBody() {
      ended = true;
    }
  }
}
