package io.aitap.agent.instrumentation.awssdk;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import io.aitap.agent.instrumentation.common.TappingHandler;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Behind a proxy of a Reactive Streams {@code Publisher} of {@code ByteBuffer}s (the SDK's request
 * body publisher, or the response body the client hands the SDK), and of the subscriber and
 * subscription it leads to: whoever subscribes gets a subscriber proxy that shows the call a
 * read-only view of each buffer and then passes the buffer itself on, untouched; every other signal
 * passes through as it came. The stream is never read ahead of the subscriber's own demand. The
 * three interfaces' methods have names of their own, so one handler serves them all.
 */
final class TappedByteStream extends TappingHandler {

  private final boolean isResponse;
  /**
   * Keeps the response handler proxy, which watches for abandoned calls, reachable while the body,
   * its subscriber or its subscription is.
   */
  @SuppressWarnings("unused")
  private final Object owner;

  private TappedByteStream(Object target, AiCall call, boolean isResponse, Object owner) {
    super(target, call);
    this.isResponse = isResponse;
    this.owner = owner;
  }

  /** A proxy of {@code type} for the request body, which shows the call what the client sends. */
  static Object request(Class<?> type, Object publisher, AiCall call) {
    return ProxyHandlers.proxy(type, new TappedByteStream(publisher, call, false, null));
  }

  /** A proxy of {@code type} for the response body, which shows the call what the SDK receives. */
  static Object response(Class<?> type, Object publisher, AiCall call, Object owner) {
    return ProxyHandlers.proxy(type, new TappedByteStream(publisher, call, true, owner));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    int arity = args == null ? 0 : args.length;
    switch (method.getName()) {
      case "subscribe":
        if (arity == 1 && args[0] != null) {
          return delegate(method, tapped(method, args[0]));
        }
        break;
      case "onSubscribe":
        // a response's subscription: a subscriber that cancels has stopped reading
        if (arity == 1 && args[0] != null && isResponse) {
          return delegate(method, tapped(method, args[0]));
        }
        break;
      case "onNext":
        if (arity == 1 && args[0] instanceof ByteBuffer) {
          if (isResponse) {
            call.responseBody((ByteBuffer) args[0]);
          } else {
            call.requestBody((ByteBuffer) args[0]);
          }
        }
        break;
      case "onComplete":
        if (arity == 0) {
          if (isResponse) {
            // every byte has been seen; ended first, as the SDK may hand its result over inside
            call.responseComplete();
            return delegate(method, args);
          }
          return delegateThen(method, args, call::requestBodyEnd);
        }
        break;
      case "onError":
        if (arity == 1 && isResponse) {
          call.failed((Throwable) args[0]);
          return delegate(method, args);
        }
        break;
      case "cancel":
        if (arity == 0) {
          return delegateThen(method, args, call::abandoned);
        }
        break;
      default:
        break;
    }
    return passOn(proxy, method, args);
  }

  /** The subscriber or subscription {@code method} hands over, behind a proxy of the type it takes. */
  private Object tapped(Method method, Object target) {
    return ProxyHandlers.proxy(method.getParameterTypes()[0], new TappedByteStream(target, call, isResponse, owner));
  }
}
