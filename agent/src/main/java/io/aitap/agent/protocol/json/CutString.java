package io.aitap.agent.protocol.json;

/**
 * A string value that {@link LongStringFilter} cut: what was kept, and how long the whole string
 * was in bytes as sent (escapes and base64 included). The filter marks the cut with a character
 * no text carries (U+FFFF, a Unicode noncharacter) followed by the full length in digits.
 */
public final class CutString {

  public static final char MARK = '\uffff';

  public final String kept;
  public final boolean cut;
  private final long cutFrom;

  private CutString(String kept, long cutFrom, boolean cut) {
    this.kept = kept;
    this.cutFrom = cutFrom;
    this.cut = cut;
  }

  public static CutString of(String text) {
    int mark = text.lastIndexOf(MARK);
    if (mark >= 0 && mark < text.length() - 1) {
      try {
        return new CutString(text.substring(0, mark), Long.parseLong(text.substring(mark + 1)), true);
      } catch (NumberFormatException e) {
        // not our mark: a string that happens to carry U+FFFF
      }
    }
    return new CutString(text, -1, false);
  }

  /** The whole string's length in bytes as sent (escapes and base64 included); uncut, its UTF-8 length. */
  public long sentBytes() {
    if (cut) {
      return cutFrom;
    }
    long bytes = 0;
    for (int i = 0; i < kept.length(); i++) {
      char c = kept.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  /** Room for the longest {@link #mark}: the escaped mark and the 19 digits of a long. */
  static final int MAX_MARK_BYTES = 6 + 19;

  /**
   * Writes the bytes the filter appends inside the JSON string, the escaped mark then the length,
   * to the start of {@code into} (of at least {@link #MAX_MARK_BYTES}); returns how many.
   */
  static int mark(long sentBytes, byte[] into) {
    into[0] = '\\';
    into[1] = 'u';
    into[2] = 'f';
    into[3] = 'f';
    into[4] = 'f';
    into[5] = 'f';
    int digits = 1;
    for (long rest = sentBytes / 10; rest > 0; rest /= 10) {
      digits++;
    }
    long rest = sentBytes;
    for (int i = 6 + digits - 1; i >= 6; i--) {
      into[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    return 6 + digits;
  }
}
