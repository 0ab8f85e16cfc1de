package io.aitap.bootstrap;

/**
 * One place where code woven into a client hands an event to aitap. Lives on the bootstrap class path,
 * because code woven into {@code java.base} and {@code java.net.http} sees nothing else; so it
 * speaks plain JDK types, and the same four slots serve every client.
 */
@FunctionalInterface
public interface Hook {

  /**
   * Handles one event: {@code target} is the library object it happened to, {@code argument} a
   * second object or null, {@code value} what the hooked method returned or is about to use (or
   * null), {@code thrown} what it threw. Returns what the woven code should use instead of
   * {@code value}: {@code value} itself when there is nothing to change.
   */
  Object on(Object target, Object argument, Object value, Throwable thrown);
}
