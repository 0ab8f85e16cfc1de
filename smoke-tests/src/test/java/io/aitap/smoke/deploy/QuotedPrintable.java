package io.aitap.smoke.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes quoted-printable text (RFC 2045), as mail readers do with the parts Alertmanager sends. */
final class QuotedPrintable {

  private QuotedPrintable() {}

  /** Soft line breaks ({@code =} at a line's end) joined, {@code =XX} turned back into the byte XX; everything else kept. */
  static String decode(String text) {
    String joined = text.replace("=\r\n", "").replace("=\n", "");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
        bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
