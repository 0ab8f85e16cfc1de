package io.aitap.agent.telemetry;

import io.aitap.agent.PairMemo;

/**
 * Span names, {@code "{operation} {model}"} as the GenAI conventions ask, built once per pair and
 * shared by the calls like it, so that naming a span allocates nothing. Bounded: past
 * {@link #LIMIT} names a call's name is built for it alone.
 */
final class SpanNames {

  static final int LIMIT = 1024;

  private final PairMemo<String, String, String> names = new PairMemo<>(LIMIT);

  /** The name of a span of {@code operation} on {@code model} (the operation alone when null). */
  String of(String operation, String model) {
    if (model == null) {
      return operation;
    }
    String known = names.get(operation, model);
    return known != null ? known : names.remember(operation, model, operation + " " + model);
  }

  /** Names kept so far. */
  int size() {
    return names.size();
  }
}
