package io.aitap.agent.cost;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The reading end of a compiled price list (see {@link GenaiPriceList#compile}): numbers as
 * {@link DataOutput} writes them, text as UTF-8 after its length, so that a string is one bulk
 * decode rather than a loop over its characters.
 */
final class CompiledInput {

  private final ByteBuffer bytes;

  CompiledInput(byte[] bytes) {
    this.bytes = ByteBuffer.wrap(bytes);
  }

  static void writeText(DataOutput out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    writeCount(out, utf8.length);
    out.write(utf8);
  }

  /** How many entries (or bytes) follow; a list or a string longer than a count holds is refused. */
  static void writeCount(DataOutput out, int count) throws IOException {
    if (count > 0xFFFF) {
      throw new IllegalArgumentException(count + " entries or bytes in one place of a price list, at most 65535");
    }
    out.writeShort(count);
  }

  String text() {
    int length = unsignedShort();
    String text = new String(bytes.array(), bytes.position(), length, StandardCharsets.UTF_8);
    bytes.position(bytes.position() + length);
    return text;
  }

  int unsignedByte() {
    return Byte.toUnsignedInt(bytes.get());
  }

  int unsignedShort() {
    return Short.toUnsignedInt(bytes.getShort());
  }

  boolean flag() {
    return bytes.get() != 0;
  }

  long whole() {
    return bytes.getLong();
  }

  double decimal() {
    return bytes.getDouble();
  }
}
