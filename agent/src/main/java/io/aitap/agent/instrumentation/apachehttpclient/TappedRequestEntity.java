package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.TappingHandler;
import io.aitap.agent.instrumentation.common.TeeOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;

/**
 * Behind a proxy of the library's {@code HttpEntity}, set on an AI request while its exchange runs,
 * for entities that cannot be read a second time (a stream, as the AWS SDK's transports send): the
 * first {@code writeTo} — the client sending the body — shows the bytes to the call's request
 * scanner as they pass. Everything else, and any later write (a retry), goes to the entity as it is.
 */
final class TappedRequestEntity extends TappingHandler {

  private boolean written;

  TappedRequestEntity(Object entity, AiCall call) {
    super(entity, call);
  }

  Object entity() {
    return target;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (!method.getName().equals("writeTo") || written || args == null || args.length != 1) {
      return passOn(proxy, method, args);
    }
    written = true;
    try {
      return delegate(method, new TeeOutputStream((OutputStream) args[0], call));
    } finally {
      call.requestBodyEnd();
    }
  }
}
