package io.aitap.smoke.clients.okhttpapache;

import io.aitap.smoke.clients.BodyDigest;
import java.io.IOException;
import java.io.InputStream;

/** Reads a body stream to its end in odd-sized pieces, as application code does, and digests it. */
public final class PieceReader {

  private static final int READ_SIZE = 97;

  private PieceReader() {}

  public static String digest(InputStream body) throws IOException {
    BodyDigest digest = new BodyDigest();
    try (InputStream in = body) {
      byte[] buffer = new byte[READ_SIZE];
      int n;
      while ((n = in.read(buffer, 0, buffer.length)) != -1) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.hex();
  }
}
