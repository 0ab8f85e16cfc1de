package io.aitap.agent.instrumentation.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reaches a library's public API by reflection, from the classes of the objects the hooks hand
 * over. The agent cannot link against a library: it may be any version, in any class loader, or
 * absent. A method looked up here is taken from a public type (interface or class), so calling it
 * needs no access tricks even when the object's own class is package-private. Methods are looked
 * up only while a {@link LibraryApi} resolves a library, never per call.
 */
public final class LibraryMethods {

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
