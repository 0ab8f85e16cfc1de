package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.TappingHandler;
import io.aitap.agent.instrumentation.common.TeeInputStream;
import io.aitap.agent.instrumentation.common.TeeOutputStream;
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
      delegate(method, TeeOutputStream.ofResponse(out, call));
    } catch (Exception | Error e) {
      call.failed(e);
      throw e;
    }
    call.responseComplete();
    return null;
  }
}
