package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.TappingHandler;
import io.aitap.agent.instrumentation.common.TeeInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;

/**
 * Behind a proxy of the library's {@code HttpEntity}: everything goes to the original entity, and
 * the bytes the application gets, through {@code getContent()} or {@code writeTo}, are shown to
 * the call as they pass. A proxy of the library's own interface is defined in the library's
 * loader, so no aitap class needs to be visible there.
 */
final class TappedEntity extends TappingHandler {

  TappedEntity(Object entity, AiCall call) {
    super(entity, call);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "getContent":
        InputStream raw = (InputStream) delegate(method, args);
        return raw == null ? null : new TeeInputStream(raw, call, proxy);
      case "writeTo":
        return writeTo(method, (OutputStream) args[0]);
      case "close":
        return delegateThen(method, args, call::abandoned);
      default:
        return passOn(proxy, method, args);
    }
  }

  void responseClosed() {
    call.abandoned();
  }

  private Object writeTo(Method method, OutputStream out) throws Exception {
    try {
      delegate(method, new ResponseCopy(out, call));
    } catch (Exception | Error e) {
      call.failed(e);
      throw e;
    }
    call.responseComplete();
    return null;
  }

  /** What the entity writes for the application, shown to the call after it is passed on. */
  private static final class ResponseCopy extends FilterOutputStream {
    private final AiCall call;

    ResponseCopy(OutputStream out, AiCall call) {
      super(out);
      this.call = call;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      call.responseBody(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      out.write(buffer, offset, length);
      call.responseBody(buffer, offset, length);
    }
  }
}
