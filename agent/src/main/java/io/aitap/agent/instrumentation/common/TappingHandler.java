package io.aitap.agent.instrumentation.common;

import io.aitap.agent.call.AiCall;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * Behind a proxy of one library object of an AI call (see {@link ProxyHandlers#proxy}): a subclass
 * shows the call what the methods it taps carry, and every other method goes to the object as it is.
 */
public abstract class TappingHandler implements InvocationHandler {

  /** The library's own object, which every method reaches. */
  protected final Object target;
  protected final AiCall call;

  protected TappingHandler(Object target, AiCall call) {
    this.target = target;
    this.call = call;
  }

  /** {@code method} of the library's object, with these arguments. */
  protected final Object delegate(Method method, Object... args) throws Exception {
    return LibraryMethods.invoke(method, target, args);
  }

  /** {@code method} of the library's object, then {@code after}, whether the method threw or not. */
  protected final Object delegateThen(Method method, Object[] args, Runnable after) throws Exception {
    return ProxyHandlers.invokeThen(method, target, args, after);
  }

  /** A method not tapped: see {@link ProxyHandlers#passOn}. */
  protected final Object passOn(Object proxy, Method method, Object[] args) throws Exception {
    return ProxyHandlers.passOn(proxy, target, method, args);
  }
}
