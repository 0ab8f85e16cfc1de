package io.aitap.agent.instrumentation.okhttp;

import static io.aitap.agent.instrumentation.common.LibraryMethods.find;
import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;

import java.lang.reflect.Method;

/**
 * The two methods of OkHttp's {@code Interceptor.Chain} aitap uses, found once per chain class:
 * {@code call()} (OkHttp 3.9 and later) and {@code request()}.
 */
final class OkHttpChain {

  private static final ClassValue<OkHttpChain> BY_CHAIN_CLASS =
      new ClassValue<OkHttpChain>() {
        @Override
        protected OkHttpChain computeValue(Class<?> chainClass) {
          Method call = find(chainClass, "call");
          Method request = find(chainClass, "request");
          return call == null || request == null ? null : new OkHttpChain(call, request);
        }
      };

  private final Method call;
  private final Method request;

  private OkHttpChain(Method call, Method request) {
    this.call = call;
    this.request = request;
  }

  /** Null when this OkHttp's chain cannot name its call. */
  static OkHttpChain of(Class<?> chainClass) {
    return BY_CHAIN_CLASS.get(chainClass);
  }

  Object call(Object chain) throws Exception {
    return invoke(call, chain);
  }

  Object request(Object chain) throws Exception {
    return invoke(request, chain);
  }
}
