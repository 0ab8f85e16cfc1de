package io.aitap.agent.protocol;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a gzip or deflate body incrementally on its way to a parser, with one fixed output
 * buffer. The gzip header is read as a small state machine; {@code deflate} is zlib-wrapped as the
 * HTTP spec says, or raw as some servers send it, told apart by its first two bytes. A body that
 * cannot be inflated stops here: the parser sees nothing more.
 */
final class InflatingParser implements ResponseParser {

  enum Wrapping { GZIP, ZLIB_OR_RAW }

  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int FHCRC = 2;

  private final Wrapping wrapping;
  private final ResponseParser parser;
  private final byte[] output = new byte[8192];
  private Inflater inflater;
  private boolean failed;

  // gzip header state
  private int headerRead;
  private int flags;
  private int extraLengthBytes;
  private int extraRemaining;
  private boolean inName;
  private boolean inComment;
  private int headerCrcRemaining;
  private int firstByte = -1;

  InflatingParser(Wrapping wrapping, ResponseParser parser) {
    this.wrapping = wrapping;
    this.parser = parser;
  }

  @Override
  public void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = offset;
    while (i < end && inflater == null && !failed) {
      i = wrapping == Wrapping.GZIP ? gzipHeader(bytes, i, end) : deflateStart(bytes, i);
    }
    if (i < end && inflater != null && !failed && !inflater.finished()) {
      inflater.setInput(bytes, i, end - i);
      inflate();
    }
  }

  @Override
  public void endOfBody() {
    if (inflater != null) {
      inflater.end();
    }
    if (!failed) {
      parser.endOfBody();
    }
  }

  private void inflate() {
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(output);
        if (n > 0) {
          parser.feed(output, 0, n);
        } else if (inflater.needsInput() || inflater.needsDictionary()) {
          return;
        }
      }
    } catch (DataFormatException e) {
      failed = true;
    }
  }

  /** Decides zlib or raw from the first two bytes (a zlib header is a multiple of 31 with method 8). */
  private int deflateStart(byte[] bytes, int i) {
    if (firstByte < 0) {
      firstByte = bytes[i] & 0xFF;
      return i + 1;
    }
    int second = bytes[i] & 0xFF;
    boolean zlib = (firstByte & 0x0F) == 8 && ((firstByte << 8) | second) % 31 == 0;
    inflater = new Inflater(!zlib);
    inflater.setInput(new byte[] {(byte) firstByte}, 0, 1);
    inflate();
    return i;
  }

  /** Consumes header bytes from {@code i}; returns where it stopped. Creates the inflater at its end. */
  private int gzipHeader(byte[] bytes, int i, int end) {
    while (i < end) {
      int b = bytes[i] & 0xFF;
      if (headerRead < 10) {
        if ((headerRead == 0 && b != 0x1F) || (headerRead == 1 && b != 0x8B) || (headerRead == 2 && b != 8)) {
          failed = true;
          return end;
        }
        if (headerRead == 3) {
          flags = b;
          inName = (flags & FNAME) != 0;
          inComment = (flags & FCOMMENT) != 0;
          headerCrcRemaining = (flags & FHCRC) != 0 ? 2 : 0;
        }
        headerRead++;
        i++;
        continue;
      }
      if ((flags & FEXTRA) != 0 && extraLengthBytes < 2) {
        // the extra field's length, two bytes little-endian
        extraRemaining |= b << (8 * extraLengthBytes);
        extraLengthBytes++;
        i++;
        continue;
      }
      if (extraRemaining > 0) {
        extraRemaining--;
        i++;
        continue;
      }
      if (inName) {
        inName = b != 0;
        i++;
        continue;
      }
      if (inComment) {
        inComment = b != 0;
        i++;
        continue;
      }
      if (headerCrcRemaining > 0) {
        headerCrcRemaining--;
        i++;
        continue;
      }
      inflater = new Inflater(true);
      return i;
    }
    return i;
  }
}
