package io.aitap.agent.instrumentation.okhttp;

import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;
import static io.aitap.agent.instrumentation.common.LibraryMethods.require;

import io.aitap.agent.instrumentation.common.LibraryApi;
import java.lang.reflect.Method;

/**
 * The two methods of OkHttp's {@code Interceptor.Chain} aitap uses, found once per chain class:
 * {@code call()} (OkHttp 3.9 and later) and {@code request()}.
 */
final class OkHttpChain {

  private static final LibraryApi<OkHttpChain> API = LibraryApi.resolvedBy("OkHttp's Interceptor.Chain",
      chainClass -> new OkHttpChain(require(chainClass, "call"), require(chainClass, "request")));

  private final Method call;
  private final Method request;

  private OkHttpChain(Method call, Method request) {
    this.call = call;
    this.request = request;
  }

  /** Null when this OkHttp's chain cannot name its call. */
  static OkHttpChain of(Class<?> chainClass) {
    return API.of(chainClass);
  }

  Object call(Object chain) throws Exception {
    return invoke(call, chain);
  }

  Object request(Object chain) throws Exception {
    return invoke(request, chain);
  }
}
