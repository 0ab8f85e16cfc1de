package io.aitap.agent.instrumentation.common;

import io.aitap.agent.call.AiCall;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes every write on unchanged, then shows the written bytes to the call's request scanner. */
public final class TeeOutputStream extends FilterOutputStream {

  private final AiCall call;

  public TeeOutputStream(OutputStream out, AiCall call) {
    super(out);
    this.call = call;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    call.requestBody(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
    call.requestBody(buffer, offset, length);
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      call.requestBodyEnd();
    }
  }
}
