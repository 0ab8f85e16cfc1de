package io.aitap.agent.instrumentation.common;

import io.aitap.agent.AgentLog;

/**
 * The part of a library a tap uses, resolved once per class of the first object its hooks are
 * handed, so each copy of the library in each class loader gets its own. When a version lacks a
 * method the tap needs, that copy is left alone from the start, with one debug line, instead of
 * failing in the middle of a request.
 */
public final class LibraryApi<T> {

  /** Looks up every method the tap will call, from {@code type}; throws when one is missing. */
  @FunctionalInterface
  public interface Resolver<T> {
    T resolve(Class<?> type) throws ReflectiveOperationException;
  }

  private final ClassValue<T> byClass;

  private LibraryApi(String library, Resolver<T> resolver) {
    byClass =
        new ClassValue<T>() {
          @Override
          protected T computeValue(Class<?> type) {
            try {
              return resolver.resolve(type);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
              AgentLog.debug(library + " in " + type.getClassLoader() + " is not a version aitap knows: " + e);
              return null;
            }
          }
        };
  }

  public static <T> LibraryApi<T> resolvedBy(String library, Resolver<T> resolver) {
    return new LibraryApi<>(library, resolver);
  }

  /** Null when this copy of the library lacks something the tap needs. */
  public T of(Class<?> type) {
    return byClass.get(type);
  }

  /** The library's type {@code name}, as the loader of {@code from} sees it. */
  public static Class<?> type(Class<?> from, String name) throws ClassNotFoundException {
    return Class.forName(name, false, from.getClassLoader());
  }
}
