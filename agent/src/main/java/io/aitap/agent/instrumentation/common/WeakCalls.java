package io.aitap.agent.instrumentation.common;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Ties library objects (a connection, a request, a channel) to the state of their AI call, where
 * the library has no room for it. The tie is weak: an object the application drops unfinished is
 * never kept alive by aitap.
 */
public final class WeakCalls<V> {

  private final Map<Object, V> ties = Collections.synchronizedMap(new WeakHashMap<>());

  public V get(Object object) {
    return ties.get(object);
  }

  public void put(Object object, V state) {
    ties.put(object, state);
  }

  public V remove(Object object) {
    return ties.remove(object);
  }

  public boolean containsKey(Object object) {
    return ties.containsKey(object);
  }

  /** Cheap enough for hooks every exchange passes through: no AI call, nothing more to do. */
  public boolean isEmpty() {
    return ties.isEmpty();
  }

  /** Unties an object tied to {@code state}. */
  public void removeState(V state) {
    ties.values().remove(state);
  }
}
