package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.TappingHandler;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;

/**
 * Behind a proxy of {@code AsyncResponseConsumer}: the call reads a duplicate of each buffer just
 * before the application's consumer gets the buffer itself, untouched (once consumed, its bytes
 * are gone); the head, the end of the stream, a failure and an early release end or shape the call.
 */
final class TappedAsyncConsumer extends TappingHandler {

  TappedAsyncConsumer(Object consumer, AiCall call) {
    super(consumer, call);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    int arity = args == null ? 0 : args.length;
    switch (method.getName()) {
      case "consumeResponse":
        if (arity == 4) {
          ApacheMessages api = ApacheMessages.of(args[0]);
          if (api != null) {
            call.responseHead(api.head(args[0], args[1]));
          }
          if (args[1] == null) {
            call.responseComplete(); // no entity: the consumer completes inside consumeResponse
          }
          return delegate(method, args);
        }
        break;
      case "consume":
        if (arity == 1 && args[0] instanceof ByteBuffer) {
          call.responseBody((ByteBuffer) args[0]);
          return delegate(method, args);
        }
        break;
      case "streamEnd":
        // every byte has been seen; ended first, as the consumer may hand its result over inside
        call.responseComplete();
        return delegate(method, args);
      case "failed":
        if (arity == 1) {
          // ended first, as the consumer may fail the application's future inside
          ended((Throwable) args[0]);
          return delegate(method, args);
        }
        break;
      case "releaseResources":
        return delegateThen(method, args, call::abandoned);
      default:
        break;
    }
    return passOn(proxy, method, args);
  }

  private void ended(Throwable failure) {
    if (failure instanceof CancellationException) {
      call.cancelled();
    } else {
      call.failed(failure);
    }
  }
}
