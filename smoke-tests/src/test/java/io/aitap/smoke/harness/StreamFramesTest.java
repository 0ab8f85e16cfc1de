package io.aitap.smoke.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.replay.Fixture;
import io.aitap.smoke.replay.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The fake provider paces streams by these pieces, so they must be whole events that add up to the body. */
class StreamFramesTest {

  @TestFactory
  Stream<DynamicTest> everyStreamedFixtureSplitsIntoWholeEvents() {
    return Fixtures.all().stream()
        .filter(fixture -> StreamFrames.isStream(fixture.contentType()))
        .map(fixture -> dynamicTest(fixture.file(), () -> wholeEvents(fixture)));
  }

  private static void wholeEvents(Fixture fixture) {
    byte[] body = fixture.body();
    List<byte[]> pieces = StreamFrames.split(fixture.contentType(), body);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    pieces.forEach(joined::writeBytes);
    assertArrayEquals(body, joined.toByteArray(), "pieces add up to the body");
    assertTrue(pieces.size() > 1, "a stream comes in several pieces");
    for (byte[] piece : pieces) {
      String text = new String(piece, StandardCharsets.ISO_8859_1);
      switch (fixture.contentType().split(";")[0]) {
        case "text/event-stream":
          // a comment-only event (": keep-alive") has none
          assertTrue(text.split("(^|\n)data:", -1).length - 1 <= 1, "one data line per SSE event: " + text);
          assertTrue(text.endsWith("\n\n") || text.endsWith("\r\n\r\n"), "an SSE event ends with a blank line");
          break;
        case "application/x-ndjson":
          assertEquals(text.length() - 1, text.indexOf('\n'), "one NDJSON line per piece: " + text);
          break;
        default:
          assertEquals(piece.length, ByteBuffer.wrap(piece).getInt(0), "one event-stream frame per piece");
      }
    }
  }
}
