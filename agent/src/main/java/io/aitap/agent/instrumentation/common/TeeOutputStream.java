package io.aitap.agent.instrumentation.common;

import io.aitap.agent.call.AiCall;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes every write on unchanged, then shows the written bytes to the call: as its request body,
 * or as the response body a library writes out for the application.
 */
public final class TeeOutputStream extends FilterOutputStream {

  private final AiCall call;
  private final boolean response;

  /** For the request body: closing the stream ends it. */
  public TeeOutputStream(OutputStream out, AiCall call) {
    this(out, call, false);
  }

  private TeeOutputStream(OutputStream out, AiCall call, boolean response) {
    super(out);
    this.call = call;
    this.response = response;
  }

  /** For a response body written into {@code out}; whoever has it written ends the response. */
  public static TeeOutputStream ofResponse(OutputStream out, AiCall call) {
    return new TeeOutputStream(out, call, true);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    show(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
    show(buffer, offset, length);
  }

  @Override
  public void close() throws IOException {
    if (response) {
      super.close();
      return;
    }
    try {
      out.close();
    } finally {
      call.requestBodyEnd();
    }
  }

  private void show(byte[] buffer, int offset, int length) {
    if (response) {
      call.responseBody(buffer, offset, length);
    } else {
      call.requestBody(buffer, offset, length);
    }
  }
}
