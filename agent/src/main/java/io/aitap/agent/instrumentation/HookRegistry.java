package io.aitap.agent.instrumentation;

import io.aitap.agent.AgentLog;
import io.aitap.bootstrap.Hook;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hooks of every client, by the names woven into their libraries, for the bridge. This is the fail-open
 * line: whatever a hook throws is logged and the method gets its value back.
 */
public final class HookRegistry {

  /** A hook whose answer replaces the value the method passed. */
  @FunctionalInterface
  public interface Handler {
    Object on(Object target, Object argument, Object value, Throwable thrown) throws Exception;
  }

  /** A hook that only watches: the method carries on with its value. */
  @FunctionalInterface
  public interface Listener {
    void on(Object target, Object argument, Object value, Throwable thrown) throws Exception;
  }

  private final Map<String, Hook> hooks = new LinkedHashMap<>();

  /**
   * Registers {@code handler} as hook {@code name}. Where two clients hook the same library code
   * (Netty's request encoder serves Reactor Netty and the AWS SDK), the later one runs after the
   * earlier, on the value the earlier returned.
   */
  public void add(String name, Handler handler) {
    Hook failOpen =
        (target, argument, value, thrown) -> {
          try {
            return handler.on(target, argument, value, thrown);
          } catch (Throwable t) {
            AgentLog.debug(name + " hook failed", t);
            return value;
          }
        };
    hooks.merge(
        name,
        failOpen,
        (first, then) ->
            (target, argument, value, thrown) -> then.on(target, argument, first.on(target, argument, value, thrown), thrown));
  }

  public void addListener(String name, Listener listener) {
    add(
        name,
        (target, argument, value, thrown) -> {
          listener.on(target, argument, value, thrown);
          return value;
        });
  }

  Map<String, Hook> byName() {
    return hooks;
  }
}
