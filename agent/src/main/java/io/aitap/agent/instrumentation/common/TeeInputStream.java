package io.aitap.agent.instrumentation.common;

import io.aitap.agent.call.AiCall;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands the application exactly what the underlying stream returns, and shows the call each byte
 * after the application has read it. Reads nothing on its own: {@code skip} reads through so the
 * parser sees the skipped bytes too, and bytes replayed after {@code reset} are not shown twice.
 */
public final class TeeInputStream extends FilterInputStream {

  private final AiCall call;
  /** Keeps the owner (a connection, a response) reachable while the application holds this stream. */
  @SuppressWarnings("unused")
  private final Object owner;

  private long sinceMark = -1;
  private long replaying;
  private byte[] skipBuffer;

  public TeeInputStream(InputStream in, AiCall call, Object owner) {
    super(in);
    this.call = call;
    this.owner = owner;
  }

  @Override
  public int read() throws IOException {
    return tee(null, 0, 1);
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return tee(buffer, offset, length);
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    if (skipBuffer == null) {
      skipBuffer = new byte[(int) Math.min(8192, n)];
    }
    int read = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n));
    return Math.max(read, 0);
  }

  @Override
  public synchronized void mark(int readLimit) {
    in.mark(readLimit);
    sinceMark = 0;
  }

  @Override
  public synchronized void reset() throws IOException {
    in.reset();
    if (sinceMark > 0) {
      replaying += sinceMark;
      sinceMark = 0;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      in.close();
    } finally {
      call.abandoned();
    }
  }

  /** Reads one byte ({@code buffer} null) or into {@code buffer}, then shows the call what was read. */
  private int tee(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = buffer == null ? in.read() : in.read(buffer, offset, length);
    } catch (IOException | RuntimeException e) {
      call.failed(e);
      throw e;
    }
    if (n < 0) {
      call.responseComplete();
    } else if (buffer == null) {
      show(new byte[] {(byte) n}, 0, 1);
    } else {
      show(buffer, offset, n);
    }
    return n;
  }

  private void show(byte[] buffer, int offset, int length) {
    if (sinceMark >= 0) {
      sinceMark += length;
    }
    if (replaying > 0) {
      int replayed = (int) Math.min(replaying, length);
      replaying -= replayed;
      offset += replayed;
      length -= replayed;
    }
    if (length > 0) {
      call.responseBody(buffer, offset, length);
    }
  }
}
