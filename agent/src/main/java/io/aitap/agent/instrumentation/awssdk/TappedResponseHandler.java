package io.aitap.agent.instrumentation.awssdk;

import static io.aitap.agent.instrumentation.common.LibraryMethods.call;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.LibraryMethods;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import io.aitap.agent.protocol.ResponseHead;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * Behind a proxy of {@code SdkAsyncHttpResponseHandler}: the call reads the status and headers as
 * the SDK gets them, and the SDK gets the response body through a {@link TappedByteStream}, so
 * the call sees each buffer just before the SDK does.
 */
final class TappedResponseHandler implements InvocationHandler {

  private final Object handler;
  private final AiCall call;

  TappedResponseHandler(Object handler, AiCall call) {
    this.handler = handler;
    this.call = call;
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
          call.responseHead(head(args[0]));
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

  private static ResponseHead head(Object response) throws Exception {
    return new ResponseHead((Integer) call(response, "statusCode"), name -> header(response, name));
  }

  /**
   * The first value of a header of the SDK's request or response, or null; never throws. Read from
   * {@code headers()}: {@code firstMatchingHeader} is overloaded, by name and by a collection of names.
   */
  static String header(Object message, String name) {
    try {
      for (Map.Entry<?, ?> header : ((Map<?, ?>) call(message, "headers")).entrySet()) {
        if (name.equalsIgnoreCase((String) header.getKey())) {
          List<?> values = (List<?>) header.getValue();
          return values.isEmpty() ? null : (String) values.get(0);
        }
      }
      return null;
    } catch (Exception e) {
      return null;
    }
  }
}
