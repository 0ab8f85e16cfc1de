package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.instrumentation.common.LibraryMethods;
import java.lang.reflect.Method;

/** What every proxy aitap puts in a client's way does with the methods it does not tap. */
final class ProxyHandlers {

  private ProxyHandlers() {}

  /** Identity for {@code equals} and {@code hashCode}, the delegate for everything else. */
  static Object passOn(Object proxy, Object delegate, Method method, Object[] args) throws Exception {
    switch (method.getName()) {
      case "equals":
        if (method.getParameterCount() == 1) {
          return proxy == args[0];
        }
        break;
      case "hashCode":
        if (method.getParameterCount() == 0) {
          return System.identityHashCode(proxy);
        }
        break;
      default:
        break;
    }
    return LibraryMethods.invoke(method, delegate, args);
  }
}
