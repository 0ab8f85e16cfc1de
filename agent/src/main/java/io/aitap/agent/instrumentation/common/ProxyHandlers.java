package io.aitap.agent.instrumentation.common;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** What every proxy aitap puts in a client's way does with the methods it does not tap. */
public final class ProxyHandlers {

  private ProxyHandlers() {}

  /**
   * A proxy of the library's own interface {@code type}, defined in the library's loader, so no
   * aitap class needs to be visible there.
   */
  public static Object proxy(Class<?> type, InvocationHandler handler) {
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** Whether {@code object} is a proxy aitap made with a handler of {@code handlerType}. */
  public static boolean isTapped(Object object, Class<? extends InvocationHandler> handlerType) {
    return handlerOf(object, handlerType) != null;
  }

  /** The handler of {@code object}, if it is a proxy aitap made with a handler of {@code handlerType}; else null. */
  public static <H extends InvocationHandler> H handlerOf(Object object, Class<H> handlerType) {
    if (object == null || !Proxy.isProxyClass(object.getClass())) {
      return null;
    }
    InvocationHandler handler = Proxy.getInvocationHandler(object);
    return handlerType.isInstance(handler) ? handlerType.cast(handler) : null;
  }

  /** Calls {@code method} on the delegate, then {@code after}, whether the delegate threw or not. */
  public static Object invokeThen(Method method, Object delegate, Object[] args, Runnable after) throws Exception {
    try {
      return LibraryMethods.invoke(method, delegate, args);
    } finally {
      after.run();
    }
  }

  /** Identity for {@code equals} and {@code hashCode}, the delegate for everything else. */
  public static Object passOn(Object proxy, Object delegate, Method method, Object[] args) throws Exception {
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
