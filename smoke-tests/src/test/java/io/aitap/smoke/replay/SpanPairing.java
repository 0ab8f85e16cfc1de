package io.aitap.smoke.replay;

import io.aitap.smoke.harness.ReceivedSpan;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which span belongs to which call, for failure messages. A client program makes its calls one
 * after another and each ends before the next begins, so with one span per AI call the spans
 * arrive in call order. The pairing is trusted only when the counts agree and every pair agrees on
 * what the URL alone decides (operation, address, port); otherwise there is none.
 */
public final class SpanPairing {

  private SpanPairing() {}

  public static Map<SmokePlan.AiCall, ReceivedSpan> inCallOrder(List<SmokePlan.AiCall> calls, List<ReceivedSpan> spans) {
    Map<SmokePlan.AiCall, ReceivedSpan> pairs = new IdentityHashMap<>();
    if (calls.size() != spans.size()) {
      return pairs;
    }
    for (int i = 0; i < calls.size(); i++) {
      SmokePlan.AiCall call = calls.get(i);
      ReceivedSpan span = spans.get(i);
      Map<String, Object> expected = call.expectedSpan().attributes;
      for (String key : List.of("gen_ai.operation.name", "server.address", "server.port")) {
        if (!Objects.equals(expected.get(key), span.attribute(key))) {
          return new IdentityHashMap<>();
        }
      }
      pairs.put(call, span);
    }
    return pairs;
  }
}
