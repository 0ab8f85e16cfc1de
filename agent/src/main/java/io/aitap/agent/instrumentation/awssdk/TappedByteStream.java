package io.aitap.agent.instrumentation.awssdk;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import io.aitap.agent.instrumentation.common.TappingHandler;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Behind a proxy of a Reactive Streams {@code Publisher} of {@code ByteBuffer}s (the SDK's request
 * body publisher, or the response body the client hands the SDK): whoever subscribes gets a
 * subscriber proxy that shows the call a read-only view of each buffer and then passes the buffer
 * itself on, untouched; every other signal passes through as it came. The stream is never read
 * ahead of the subscriber's own demand.
 */
final class TappedByteStream extends TappingHandler {

  private final boolean isResponse;
  /** Keeps the response handler proxy, which watches for abandoned calls, reachable while the body is. */
  @SuppressWarnings("unused")
  private final Object owner;

  private TappedByteStream(Object publisher, AiCall call, boolean isResponse, Object owner) {
    super(publisher, call);
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
    if (method.getName().equals("subscribe") && args != null && args.length == 1 && args[0] != null) {
      return delegate(method, ProxyHandlers.proxy(method.getParameterTypes()[0], new Subscriber(args[0])));
    }
    return passOn(proxy, method, args);
  }

  private final class Subscriber extends TappingHandler {
    Subscriber(Object subscriber) {
      super(subscriber, TappedByteStream.this.call);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      int arity = args == null ? 0 : args.length;
      switch (method.getName()) {
        case "onSubscribe":
          if (arity == 1 && args[0] != null && isResponse) {
            return delegate(method, ProxyHandlers.proxy(method.getParameterTypes()[0], new Subscription(args[0], call)));
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
            return delegateThen(method, args, () -> call.failed((Throwable) args[0]));
          }
          break;
        default:
          break;
      }
      return passOn(proxy, method, args);
    }
  }

  /** The response body's subscription: a subscriber that cancels has stopped reading. */
  private static final class Subscription extends TappingHandler {
    Subscription(Object subscription, AiCall call) {
      super(subscription, call);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("cancel") && (args == null || args.length == 0)) {
        return delegateThen(method, args, call::abandoned);
      }
      return passOn(proxy, method, args);
    }
  }
}
