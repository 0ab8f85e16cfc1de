package io.aitap.agent;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Values remembered by a pair of keys, looked up without building a key of the two, so that a hit
 * allocates nothing. Bounded: the pairs are the application's to choose (model ids, endpoints),
 * so past {@code limit} pairs nothing more is kept and callers make their value afresh.
 */
public final class PairMemo<A, B, V> {

  private final int limit;
  private final ConcurrentHashMap<A, ConcurrentHashMap<B, V>> byFirst = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  public PairMemo(int limit) {
    this.limit = limit;
  }

  /** The value kept for the pair, or null. */
  public V get(A first, B second) {
    ConcurrentHashMap<B, V> bySecond = byFirst.get(first);
    return bySecond == null ? null : bySecond.get(second);
  }

  /**
   * Keeps {@code value} for the pair unless the memo is full; returns what the pair now stands for:
   * {@code value}, or the value a racing thread kept first.
   */
  public V remember(A first, B second, V value) {
    if (size.get() >= limit) {
      return value;
    }
    V raced = byFirst.computeIfAbsent(first, f -> new ConcurrentHashMap<>()).putIfAbsent(second, value);
    if (raced != null) {
      return raced;
    }
    size.incrementAndGet();
    return value;
  }

  /** Pairs kept so far. */
  public int size() {
    return size.get();
  }
}
