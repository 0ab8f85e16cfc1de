package io.aitap.smoke.replay;

import io.aitap.smoke.harness.ReceivedSpan;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The received spans as contract shapes, counted, so expected shapes can be looked up in them. */
final class SmokeShapes {

  private static final int LOOKALIKES_SHOWN = 3;

  private final Map<SpanShape, Integer> counts = new LinkedHashMap<>();

  SmokeShapes(List<ReceivedSpan> spans) {
    for (ReceivedSpan span : spans) {
      counts.merge(SpanShape.of(span), 1, Integer::sum);
    }
  }

  int count(SpanShape shape) {
    return counts.getOrDefault(shape, 0);
  }

  /**
   * The received shapes closest to {@code expected} (fewest differing contract attributes) that
   * match no expected shape at all — the likeliest candidates for the spans that went wrong.
   */
  Map<SpanShape, Integer> closestUnexpected(SpanShape expected, Set<SpanShape> allExpected) {
    return counts.entrySet().stream()
        .filter(entry -> !allExpected.contains(entry.getKey()))
        .sorted(Comparator.comparingInt(entry -> entry.getKey().differenceCount(expected)))
        .limit(LOOKALIKES_SHOWN)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
