package io.aitap.smoke.clients;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** An incremental SHA-256 of body bytes as they arrive, so no program keeps a whole body to hash it. */
public final class BodyDigest {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final MessageDigest sha256;

  public BodyDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String of(byte[] bytes) {
    BodyDigest digest = new BodyDigest();
    digest.update(bytes, 0, bytes.length);
    return digest.hex();
  }

  public static String ofUtf8(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  public synchronized void update(byte[] bytes, int offset, int length) {
    sha256.update(bytes, offset, length);
  }

  public synchronized void update(int oneByte) {
    sha256.update((byte) oneByte);
  }

  /** Consumes the buffer's remaining bytes, as a body subscriber does. */
  public synchronized void update(ByteBuffer buffer) {
    sha256.update(buffer);
  }

  /** A decoded line as the application got it, followed by the separator its handler dropped. */
  public synchronized void updateLine(String line) {
    sha256.update(line.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
  }

  public synchronized String hex() {
    byte[] hash = sha256.digest();
    char[] text = new char[hash.length * 2];
    for (int i = 0; i < hash.length; i++) {
      text[2 * i] = HEX[(hash[i] >> 4) & 0xf];
      text[2 * i + 1] = HEX[hash[i] & 0xf];
    }
    return new String(text);
  }
}
