package io.aitap.smoke.harness;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Cuts a streamed body into the pieces a provider sends one at a time: SSE events (up to and
 * including the blank line that ends each), NDJSON lines, AWS event-stream frames. Any other body is
 * one piece. Concatenated, the pieces are the body unchanged.
 */
final class StreamFrames {

  /** How each streamed media type is cut into pieces. */
  private static final Map<String, Function<byte[], List<byte[]>>> PIECES = Map.of(
      "text/event-stream", StreamFrames::sseEvents,
      "application/x-ndjson", StreamFrames::lines,
      "application/vnd.amazon.eventstream", StreamFrames::eventStreamFrames);

  private StreamFrames() {}

  static boolean isStream(String contentType) {
    return PIECES.containsKey(mediaType(contentType));
  }

  static List<byte[]> split(String contentType, byte[] body) {
    return PIECES.getOrDefault(mediaType(contentType), List::of).apply(body);
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /** Whether the line ending at the newline {@code newline}, begun at {@code lineStart}, ends a piece. */
  private interface PieceEnd {
    boolean at(byte[] body, int lineStart, int newline);
  }

  /** An SSE event ends with a blank line (LF or CRLF). */
  private static List<byte[]> sseEvents(byte[] body) {
    return splitAfterLines(body, (bytes, lineStart, newline) ->
        newline == lineStart || (newline == lineStart + 1 && bytes[lineStart] == '\r'));
  }

  private static List<byte[]> lines(byte[] body) {
    return splitAfterLines(body, (bytes, lineStart, newline) -> true);
  }

  private static List<byte[]> splitAfterLines(byte[] body, PieceEnd pieceEnd) {
    List<byte[]> pieces = new ArrayList<>();
    int start = 0;
    int lineStart = 0;
    for (int i = 0; i < body.length; i++) {
      if (body[i] != '\n') {
        continue;
      }
      if (pieceEnd.at(body, lineStart, i)) {
        pieces.add(Arrays.copyOfRange(body, start, i + 1));
        start = i + 1;
      }
      lineStart = i + 1;
    }
    if (start < body.length) {
      pieces.add(Arrays.copyOfRange(body, start, body.length));
    }
    return pieces;
  }

  private static List<byte[]> eventStreamFrames(byte[] body) {
    List<byte[]> frames = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(body);
    while (buffer.remaining() >= 4) {
      int start = buffer.position();
      int totalLength = buffer.getInt(start);
      if (totalLength < 16 || totalLength > buffer.remaining()) {
        break;
      }
      frames.add(Arrays.copyOfRange(body, start, start + totalLength));
      buffer.position(start + totalLength);
    }
    if (buffer.hasRemaining()) {
      frames.add(Arrays.copyOfRange(body, buffer.position(), body.length));
    }
    return frames;
  }
}
