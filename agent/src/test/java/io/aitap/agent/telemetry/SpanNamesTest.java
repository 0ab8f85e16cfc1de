package io.aitap.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SpanNamesTest {

  @Test
  void namesTheOperationAndModelOnceForEveryCallLikeIt() {
    SpanNames names = new SpanNames();
    String first = names.of("chat", new String("gpt-4o"));
    assertEquals("chat gpt-4o", first);
    assertSame(first, names.of("chat", new String("gpt-4o")));
    assertEquals("embeddings gpt-4o", names.of("embeddings", "gpt-4o"));
    assertEquals("chat", names.of("chat", null));
  }

  @Test
  void keepsNoMoreThanItsLimitAndStillNamesEveryCall() {
    SpanNames names = new SpanNames();
    for (int i = 0; i < SpanNames.LIMIT + 10; i++) {
      assertEquals("chat model-" + i, names.of("chat", "model-" + i));
    }
    assertEquals(SpanNames.LIMIT, names.size());
    String past = names.of("chat", "model-" + (SpanNames.LIMIT + 5));
    assertEquals("chat model-" + (SpanNames.LIMIT + 5), past);
    assertNotSame(past, names.of("chat", "model-" + (SpanNames.LIMIT + 5)));
  }
}
