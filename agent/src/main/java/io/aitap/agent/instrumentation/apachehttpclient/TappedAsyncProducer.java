package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import io.aitap.agent.instrumentation.common.TappingHandler;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Behind a proxy of {@code AsyncRequestProducer}: hands the producer, in place of the client's
 * {@code RequestChannel} and {@code DataStreamChannel}, proxies of them that show the call the
 * request head as it goes out, with the {@code traceparent} a wrapped producer (the OpenTelemetry
 * Java agent's) may have set, and the bytes each {@code write} took.
 */
final class TappedAsyncProducer extends TappingHandler {

  TappedAsyncProducer(Object producer, AiCall call) {
    super(producer, call);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    // sendRequest(RequestChannel, HttpContext) and produce(DataStreamChannel): the channel comes first
    if ((name.equals("sendRequest") || name.equals("produce")) && args != null && args.length >= 1 && args[0] != null) {
      args[0] = ProxyHandlers.proxy(method.getParameterTypes()[0], new Channel(args[0], call));
      return delegate(method, args);
    }
    if (name.equals("failed") && args != null && args.length == 1) {
      call.failed((Throwable) args[0]);
      return delegate(method, args);
    }
    return passOn(proxy, method, args);
  }

  /** Either channel: their methods have names of their own. */
  private static final class Channel extends TappingHandler {
    Channel(Object channel, AiCall call) {
      super(channel, call);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("write") && args != null && args.length == 1 && args[0] instanceof ByteBuffer) {
        return write(method, (ByteBuffer) args[0]);
      }
      if (method.getName().equals("endStream")) {
        return delegateThen(method, args, call::requestBodyEnd);
      }
      if (method.getName().equals("sendRequest") && args != null && args.length >= 1 && args[0] != null) {
        Object request = args[0];
        ApacheMessages api = ApacheMessages.of(request);
        if (api != null) {
          call.requestHeaders(name -> api.header(request, name));
        }
      }
      return passOn(proxy, method, args);
    }

    private Object write(Method method, ByteBuffer buffer) throws Exception {
      ByteBuffer written = buffer.duplicate();
      Object n = delegate(method, buffer);
      if (n instanceof Integer && (Integer) n > 0) {
        written.limit(written.position() + (Integer) n);
        call.requestBody(written);
      }
      return n;
    }
  }
}
