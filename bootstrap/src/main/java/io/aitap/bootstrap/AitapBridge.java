package io.aitap.bootstrap;

import java.util.Map;

/**
 * The one door between the hooks woven into client code and the agent: hooks by name, empty until the agent fills it
 * at startup. Which names exist is the business of each client's instrumentation, not of this
 * class, so adding a client never changes it.
 */
public final class AitapBridge {

  private static volatile Map<String, Hook> hooks = Map.of();
  /** Every HTTP status, boxed once. */
  private static final Integer[] STATUSES = new Integer[1000];

  static {
    for (int i = 0; i < STATUSES.length; i++) {
      STATUSES[i] = i;
    }
  }

  private AitapBridge() {}

  /**
   * Hands the event to the hook {@code name}, and its answer back to the woven code. Without such a
   * hook, or when it throws, the woven code gets {@code value} back: the application never notices.
   */
  public static Object call(String name, Object target, Object argument, Object value, Throwable thrown) {
    Hook hook = hooks.get(name);
    if (hook == null) {
      return value;
    }
    try {
      return hook.on(target, argument, value, thrown);
    } catch (Throwable t) {
      return value;
    }
  }

  /**
   * {@code status} as an argument for {@link #call}, without allocating: a hook call that hands over a
   * status runs on every request, AI or not, and the JDK caches no boxes above 127.
   */
  public static Object status(int status) {
    return status >= 0 && status < STATUSES.length ? STATUSES[status] : Integer.valueOf(status);
  }

  public static void install(Map<String, Hook> installed) {
    hooks = Map.copyOf(installed);
  }
}
