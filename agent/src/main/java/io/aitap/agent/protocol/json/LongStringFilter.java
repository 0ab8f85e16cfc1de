package io.aitap.agent.protocol.json;

/**
 * Keeps JSON string values short on their way to the parser. Jackson's non-blocking parser holds a
 * whole string token in memory until it ends, and AI bodies carry megabyte strings (base64 images,
 * long completions) that aitap never needs. Past {@code keep} bytes a string's content is dropped
 * up to its closing quote, cut only where the rest stays valid JSON: never inside an escape
 * sequence or a multi-byte UTF-8 character. A cut string ends in {@link CutString#MARK} and the
 * string's full length in bytes, so that whoever reads it knows it was cut and by how much.
 */
final class LongStringFilter {

  interface Sink {
    void accept(byte[] bytes, int offset, int length);
  }

  private final int keep;
  private final Sink sink;
  private boolean inString;
  private boolean escaped;
  private int unicodeDigits;
  private int kept;
  private long dropped;
  private boolean dropping;
  /** The last byte outside strings that is not whitespace (a closing quote counts as one). */
  private byte lastSignificant;
  /** Where a cut string's mark is written on its way to the sink, which reads it at once. */
  private byte[] mark;

  LongStringFilter(int keep, Sink sink) {
    this.keep = keep;
    this.sink = sink;
  }

  void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int runStart = offset;
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      if (!inString) {
        if (b == '"') {
          inString = true;
          kept = 0;
          dropping = false;
        } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          lastSignificant = b;
        }
        continue;
      }
      if (!escaped && unicodeDigits == 0 && !dropping && kept < keep && b != '"' && b != '\\') {
        // the common byte of a short string: nothing to track
        kept++;
        continue;
      }
      boolean closes = !escaped && unicodeDigits == 0 && b == '"';
      if (dropping && !closes) {
        dropped++;
        trackEscapes(b);
        continue;
      }
      if (closes) {
        if (dropping) {
          if (mark == null) {
            mark = new byte[CutString.MAX_MARK_BYTES];
          }
          sink.accept(mark, 0, CutString.mark(kept + dropped, mark));
          runStart = i;
          dropping = false;
        }
        inString = false;
        lastSignificant = '"';
        continue;
      }
      boolean atCharacterStart = !escaped && unicodeDigits == 0 && (b & 0xC0) != 0x80;
      if (kept >= keep && atCharacterStart) {
        if (i > runStart) {
          sink.accept(bytes, runStart, i - runStart);
        }
        dropping = true;
        dropped = 1;
        trackEscapes(b);
        continue;
      }
      kept++;
      trackEscapes(b);
    }
    if (!dropping && end > runStart) {
      sink.accept(bytes, runStart, end - runStart);
    }
  }

  /** Whether the bytes so far end inside a string. */
  boolean inString() {
    return inString;
  }

  /** Whether the bytes so far end, but for whitespace, with a closing brace or bracket. */
  boolean endsWithClose() {
    return !inString && (lastSignificant == '}' || lastSignificant == ']');
  }

  private void trackEscapes(byte b) {
    if (unicodeDigits > 0) {
      unicodeDigits--;
    } else if (escaped) {
      escaped = false;
      if (b == 'u') {
        unicodeDigits = 4;
      }
    } else if (b == '\\') {
      escaped = true;
    }
  }
}
