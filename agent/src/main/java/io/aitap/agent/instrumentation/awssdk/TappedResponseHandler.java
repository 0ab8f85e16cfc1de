package io.aitap.agent.instrumentation.awssdk;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.TappingHandler;
import java.lang.reflect.Method;

/**
 * Behind a proxy of {@code SdkAsyncHttpResponseHandler}: the call reads the status and headers as
 * the SDK gets them, and the SDK gets the response body through a {@link TappedByteStream}, so
 * the call sees each buffer just before the SDK does.
 */
final class TappedResponseHandler extends TappingHandler {

  private final AwsSdkApi api;

  TappedResponseHandler(Object handler, AiCall call, AwsSdkApi api) {
    super(handler, call);
    this.api = api;
  }

  AiCall aiCall() {
    return call;
  }

  /** Every method it taps takes one argument. */
  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (args == null || args.length != 1) {
      return passOn(proxy, method, args);
    }
    switch (method.getName()) {
      case "onHeaders":
        call.responseHead(api.responseHead(args[0]));
        return delegate(method, args);
      case "onStream":
        return args[0] == null
            ? delegate(method, args)
            : delegate(method, TappedByteStream.response(method.getParameterTypes()[0], args[0], call, proxy));
      case "onError":
        // ended first, as the SDK fails the application's future inside
        call.failed((Throwable) args[0]);
        return delegate(method, args);
      default:
        return passOn(proxy, method, args);
    }
  }
}
