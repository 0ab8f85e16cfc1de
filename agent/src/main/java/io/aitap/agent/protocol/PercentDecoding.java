package io.aitap.agent.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** {@code %XX} escapes decoded as UTF-8; unlike form decoding, '+' stays '+'. */
public final class PercentDecoding {

  private PercentDecoding() {}

  /** Decoded, with an escape that is not one, or bytes that are not UTF-8, kept as they came. */
  public static String lenient(String value) {
    return decode(value, false);
  }

  /** Decoded, or null when an escape is not one, a character is not ASCII or the bytes are not UTF-8. */
  public static String strict(String value) {
    return decode(value, true);
  }

  private static String decode(String value, boolean strict) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int escaped = c == '%' ? escapedByte(value, i) : -1;
      if (escaped >= 0) {
        bytes.write(escaped);
        i += 2;
      } else if (strict && (c == '%' || c > 0x7f)) {
        return null;
      } else if (c > 0x7f) {
        int codePoint = value.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
      } else {
        bytes.write(c);
      }
    }
    if (!strict) {
      return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The byte the escape at {@code percent} stands for, or -1 when two hex digits do not follow. */
  private static int escapedByte(String value, int percent) {
    if (percent + 2 >= value.length()) {
      return -1;
    }
    int high = Character.digit(value.charAt(percent + 1), 16);
    int low = Character.digit(value.charAt(percent + 2), 16);
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }
}
