package io.aitap.agent.instrumentation;

import io.aitap.agent.instrumentation.common.LibraryMethods;
import java.lang.reflect.Method;

/**
 * Drives a client library loaded by a loader of its own, whose types the test cannot name: a
 * public method picked by its name and number of parameters, from a public type of the target.
 */
public final class LibraryCalls {

  private LibraryCalls() {}

  /** Calls the public method {@code name} taking {@code arguments.length} parameters. */
  public static Object call(Object target, String name, Object... arguments) throws Exception {
    for (Method candidate : target.getClass().getMethods()) {
      if (candidate.getName().equals(name) && candidate.getParameterCount() == arguments.length) {
        Method method = LibraryMethods.find(target.getClass(), name, candidate.getParameterTypes());
        if (method != null) {
          return LibraryMethods.invoke(method, target, arguments);
        }
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + name);
  }
}
