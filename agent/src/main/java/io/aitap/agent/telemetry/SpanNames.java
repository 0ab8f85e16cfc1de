package io.aitap.agent.telemetry;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Span names, {@code "{operation} {model}"} as the GenAI conventions ask, built once per pair and
 * shared by the calls like it, so that naming a span allocates nothing. Bounded: past
 * {@link #LIMIT} names a call's name is built for it alone.
 */
final class SpanNames {

  static final int LIMIT = 1024;

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> byOperation = new ConcurrentHashMap<>();

  /** The name of a span of {@code operation} on {@code model} (the operation alone when null). */
  String of(String operation, String model) {
    if (model == null) {
      return operation;
    }
    ConcurrentHashMap<String, String> byModel = byOperation.get(operation);
    String known = byModel == null ? null : byModel.get(model);
    if (known != null) {
      return known;
    }
    String made = operation + " " + model;
    if (size() >= LIMIT) {
      return made;
    }
    String raced = byOperation.computeIfAbsent(operation, o -> new ConcurrentHashMap<>()).putIfAbsent(model, made);
    return raced == null ? made : raced;
  }

  /** Names kept so far. */
  int size() {
    int size = 0;
    for (ConcurrentHashMap<String, String> byModel : byOperation.values()) {
      size += byModel.size();
    }
    return size;
  }
}
