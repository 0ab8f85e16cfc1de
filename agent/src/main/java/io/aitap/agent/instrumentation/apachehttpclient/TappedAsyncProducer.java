package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import io.aitap.agent.instrumentation.common.TappingHandler;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Behind a proxy of {@code AsyncRequestProducer}: hands the producer a proxy of the client's
 * {@code DataStreamChannel}, which shows the call the bytes each {@code write} took, and of its
 * {@code RequestChannel}, which shows it the request head as it goes out, with the
 * {@code traceparent} a wrapped producer (the OpenTelemetry Java agent's) may have set.
 */
final class TappedAsyncProducer extends TappingHandler {

  TappedAsyncProducer(Object producer, AiCall call) {
    super(producer, call);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().equals("produce") && args != null && args.length == 1 && args[0] != null) {
      Class<?> channelType = method.getParameterTypes()[0];
      Object channel = ProxyHandlers.proxy(channelType, new Channel(args[0], call));
      return delegate(method, channel);
    }
    if (method.getName().equals("sendRequest") && args != null && args.length == 2 && args[0] != null) {
      Class<?> channelType = method.getParameterTypes()[0];
      Object channel = ProxyHandlers.proxy(channelType, new RequestHeadChannel(args[0], call));
      return delegate(method, channel, args[1]);
    }
    if (method.getName().equals("failed") && args != null && args.length == 1) {
      return delegateThen(method, args, () -> call.failed((Throwable) args[0]));
    }
    return passOn(proxy, method, args);
  }

  private static final class RequestHeadChannel extends TappingHandler {
    RequestHeadChannel(Object channel, AiCall call) {
      super(channel, call);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("sendRequest") && args != null && args.length >= 1 && args[0] != null) {
        Object request = args[0];
        ApacheMessages api = ApacheMessages.of(request);
        if (api != null) {
          call.requestHeaders(name -> api.header(request, name));
        }
      }
      return passOn(proxy, method, args);
    }
  }

  private static final class Channel extends TappingHandler {
    Channel(Object channel, AiCall call) {
      super(channel, call);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("write") && args != null && args.length == 1 && args[0] instanceof ByteBuffer) {
        ByteBuffer written = ((ByteBuffer) args[0]).duplicate();
        Object n = delegate(method, args);
        if (n instanceof Integer && (Integer) n > 0) {
          written.limit(written.position() + (Integer) n);
          call.requestBody(written);
        }
        return n;
      }
      if (method.getName().equals("endStream")) {
        return delegateThen(method, args, call::requestBodyEnd);
      }
      return passOn(proxy, method, args);
    }
  }
}
