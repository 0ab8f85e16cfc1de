package io.aitap.agent.protocol;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a gzip or deflate body incrementally on its way to a parser, with one fixed output
 * buffer. The gzip header is read by {@link GzipHeader}; {@code deflate} is zlib-wrapped as the
 * HTTP spec says, or raw as some servers send it, told apart by its first two bytes. A body that
 * cannot be inflated stops here: the parser sees nothing more.
 */
final class InflatingParser implements ResponseParser {

  enum Wrapping { GZIP, ZLIB_OR_RAW }

  private final ResponseParser parser;
  private final byte[] output = new byte[8192];
  /** Null for deflate. */
  private final GzipHeader gzipHeader;
  private Inflater inflater;
  private boolean failed;
  private int firstByte = -1;

  InflatingParser(Wrapping wrapping, ResponseParser parser) {
    this.parser = parser;
    this.gzipHeader = wrapping == Wrapping.GZIP ? new GzipHeader() : null;
  }

  @Override
  public void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int i = offset;
    while (i < end && inflater == null && !failed) {
      i = gzipHeader != null ? gzipStart(bytes, i, end) : deflateStart(bytes, i);
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

  /** Reads the gzip header from {@code i}; returns where it stopped. Creates the inflater at its end. */
  private int gzipStart(byte[] bytes, int i, int end) {
    i = gzipHeader.read(bytes, i, end);
    if (gzipHeader.invalid()) {
      failed = true;
    } else if (gzipHeader.complete()) {
      inflater = new Inflater(true);
    }
    return i;
  }
}
