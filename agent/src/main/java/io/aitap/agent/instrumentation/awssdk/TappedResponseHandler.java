package io.aitap.agent.instrumentation.awssdk;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.LibraryMethods;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * Behind a proxy of {@code SdkAsyncHttpResponseHandler}: the call reads the status and headers as
 * the SDK gets them, and the SDK gets the response body through a {@link TappedByteStream}, so
 * the call sees each buffer just before the SDK does.
 */
final class TappedResponseHandler implements InvocationHandler {

  private final Object handler;
  private final AiCall call;
  private final AwsSdkApi api;

  TappedResponseHandler(Object handler, AiCall call, AwsSdkApi api) {
    this.handler = handler;
    this.call = call;
    this.api = api;
  }

  AiCall aiCall() {
    return call;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    int arity = args == null ? 0 : args.length;
    switch (method.getName()) {
      case "onHeaders":
        if (arity == 1) {
          call.responseHead(api.responseHead(args[0]));
          return LibraryMethods.invoke(method, handler, args);
        }
        break;
      case "onStream":
        if (arity == 1 && args[0] != null) {
          Object body = TappedByteStream.response(method.getParameterTypes()[0], args[0], call, proxy);
          return LibraryMethods.invoke(method, handler, body);
        }
        break;
      case "onError":
        if (arity == 1) {
          return ProxyHandlers.invokeThen(method, handler, args, () -> call.failed((Throwable) args[0]));
        }
        break;
      default:
        break;
    }
    return ProxyHandlers.passOn(proxy, handler, method, args);
  }
}
