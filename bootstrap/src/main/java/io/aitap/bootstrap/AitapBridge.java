package io.aitap.bootstrap;

import java.util.Map;

/**
 * The one door between inlined advice and the agent: hooks by name, empty until the agent fills it
 * at startup. Which names exist is the business of each client's instrumentation, not of this
 * class, so adding a client never changes it.
 */
public final class AitapBridge {

  private static volatile Map<String, Hook> hooks = Map.of();

  private AitapBridge() {}

  /**
   * Hands the event to the hook {@code name}, and its answer back to the advice. Without such a
   * hook, or when it throws, the advice gets {@code value} back: the application never notices.
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

  public static void install(Map<String, Hook> installed) {
    hooks = Map.copyOf(installed);
  }
}
