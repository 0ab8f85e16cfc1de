package io.aitap.agent.attribution;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * End-user ids as a keyed hash: HMAC-SHA256, the first 128 bits in hex. The same id gives the same
 * hash for as long as the key stays the same, so one user's calls join; without the key, a hash
 * cannot be tested against guessed ids (a plain hash of an e-mail address or a number could).
 */
final class UserIdHash {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  static final int HEX_LENGTH = 32;

  /** Null: a random key, made with the first hash so that start-up does not wait for it. */
  private final String key;
  private volatile Mac prototype;

  /** {@code key} null: a random key, so hashes join within this process only. */
  UserIdHash(String key) {
    this.key = key;
  }

  /** The hash of {@code userId}, or null when it cannot be computed. */
  String hash(String userId) {
    try {
      byte[] digest = mac().doFinal(userId.getBytes(StandardCharsets.UTF_8));
      char[] hex = new char[HEX_LENGTH];
      for (int i = 0; i < HEX_LENGTH / 2; i++) {
        hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
        hex[2 * i + 1] = HEX[digest[i] & 0xf];
      }
      return new String(hex);
    } catch (GeneralSecurityException | CloneNotSupportedException | RuntimeException e) {
      return null;
    }
  }

  /** A fresh Mac per hash (Mac is not thread-safe), cloned from one initialised with the key. */
  private Mac mac() throws GeneralSecurityException, CloneNotSupportedException {
    Mac initialised = prototype;
    if (initialised == null) {
      synchronized (this) {
        initialised = prototype;
        if (initialised == null) {
          initialised = Mac.getInstance("HmacSHA256");
          initialised.init(new SecretKeySpec(keyBytes(), "HmacSHA256"));
          prototype = initialised;
        }
      }
    }
    return (Mac) initialised.clone();
  }

  private byte[] keyBytes() {
    if (key != null) {
      return key.getBytes(StandardCharsets.UTF_8);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }
}
