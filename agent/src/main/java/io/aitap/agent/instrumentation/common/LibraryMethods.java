package io.aitap.agent.instrumentation.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reaches a library's public API by reflection, from the classes of the objects the advice hands
 * over. The agent cannot link against a library: it may be any version, in any class loader, or
 * absent. A method looked up here is taken from a public type (interface or class), so calling it
 * needs no access tricks even when the object's own class is package-private.
 */
public final class LibraryMethods {

  private static final Method MISSING;

  static {
    try {
      MISSING = Object.class.getMethod("hashCode");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final ClassValue<Map<String, Method>> BY_NAME =
      new ClassValue<Map<String, Method>>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private LibraryMethods() {}

  /** The public method, or null when this version of the library has none. */
  public static Method find(Class<?> type, String name, Class<?>... parameters) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Method found = declaredPublic(c, name, parameters);
      if (found != null) {
        return found;
      }
      for (Class<?> face : c.getInterfaces()) {
        found = find(face, name, parameters);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Like {@link #find}, for methods the instrumentation cannot work without. */
  public static Method require(Class<?> type, String name, Class<?>... parameters)
      throws NoSuchMethodException {
    Method found = find(type, name, parameters);
    if (found == null) {
      throw new NoSuchMethodException(type.getName() + "." + name);
    }
    return found;
  }

  /** Calls {@code method}, rethrowing what the library threw as it was thrown. */
  public static Object invoke(Method method, Object target, Object... arguments) throws Exception {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }

  /**
   * Calls the public method {@code name} taking {@code arguments.length} parameters, looked up once
   * per class. For APIs where the name and the number of parameters pick one method.
   */
  public static Object call(Object target, String name, Object... arguments) throws Exception {
    Method method = method(target, name, arguments.length);
    if (method == null) {
      throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }
    return invoke(method, target, arguments);
  }

  /** The public method {@code name} with {@code arity} parameters of the target's class, or null; cached. */
  public static Method method(Object target, String name, int arity) {
    Map<String, Method> methods = BY_NAME.get(target.getClass());
    String key = name + '/' + arity;
    Method method = methods.get(key);
    if (method == null) {
      method = byNameAndArity(target.getClass(), name, arity);
      methods.put(key, method);
    }
    return method == MISSING ? null : method;
  }

  private static Method byNameAndArity(Class<?> type, String name, int arity) {
    for (Method candidate : type.getMethods()) {
      if (candidate.getName().equals(name) && candidate.getParameterCount() == arity) {
        Method found = find(type, name, candidate.getParameterTypes());
        if (found != null) {
          return found;
        }
      }
    }
    return MISSING;
  }

  private static Method declaredPublic(Class<?> c, String name, Class<?>... parameters) {
    if (!Modifier.isPublic(c.getModifiers())) {
      return null;
    }
    try {
      Method method = c.getDeclaredMethod(name, parameters);
      return Modifier.isPublic(method.getModifiers()) ? method : null;
    } catch (NoSuchMethodException | SecurityException | NoClassDefFoundError e) {
      return null;
    }
  }
}
