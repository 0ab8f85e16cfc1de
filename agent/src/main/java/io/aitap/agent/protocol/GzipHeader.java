package io.aitap.agent.protocol;

/**
 * The header of a gzip body (RFC 1952) as a small state machine, read in whatever pieces the body
 * arrives: ten fixed bytes, then the extra field, file name, comment and header CRC its flags
 * announce. What follows is the raw deflate data.
 */
final class GzipHeader {

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private int fixedRead;
  private int flags;
  private int extraLengthBytes;
  private int extraRemaining;
  private boolean inName;
  private boolean inComment;
  private int crcRemaining;
  private boolean complete;
  private boolean invalid;

  /** The header has ended: the deflate data begins where {@link #read} stopped. */
  boolean complete() {
    return complete;
  }

  /** The body does not start as gzip does. */
  boolean invalid() {
    return invalid;
  }

  /** Consumes header bytes from {@code i}; returns where it stopped. */
  int read(byte[] bytes, int i, int end) {
    while (i < end) {
      int b = bytes[i] & 0xFF;
      if (fixedRead < 10) {
        if ((fixedRead == 0 && b != 0x1F) || (fixedRead == 1 && b != 0x8B) || (fixedRead == 2 && b != 8)) {
          invalid = true;
          return end;
        }
        if (fixedRead == 3) {
          flags = b;
          inName = (flags & FNAME) != 0;
          inComment = (flags & FCOMMENT) != 0;
          crcRemaining = (flags & FHCRC) != 0 ? 2 : 0;
        }
        fixedRead++;
      } else if ((flags & FEXTRA) != 0 && extraLengthBytes < 2) {
        // the extra field's length, two bytes little-endian
        extraRemaining |= b << (8 * extraLengthBytes);
        extraLengthBytes++;
      } else if (extraRemaining > 0) {
        extraRemaining--;
      } else if (inName) {
        inName = b != 0;
      } else if (inComment) {
        inComment = b != 0;
      } else if (crcRemaining > 0) {
        crcRemaining--;
      } else {
        complete = true;
        return i;
      }
      i++;
    }
    return i;
  }
}
