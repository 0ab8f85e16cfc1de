package io.aitap.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PairMemoTest {

  @Test
  void theFirstValueKeptForAPairStands() {
    PairMemo<String, String, String> memo = new PairMemo<>(10);
    String first = "chat gpt-4o";

    assertNull(memo.get("chat", "gpt-4o"));
    assertSame(first, memo.remember("chat", "gpt-4o", first));
    assertSame(first, memo.remember("chat", "gpt-4o", new String(first)));
    assertSame(first, memo.get("chat", "gpt-4o"));
    assertNull(memo.get("embeddings", "gpt-4o"));
    assertEquals(1, memo.size());
  }

  @Test
  void pastItsLimitNothingMoreIsKept() {
    PairMemo<String, Integer, Integer> memo = new PairMemo<>(3);
    for (int i = 0; i < 5; i++) {
      assertEquals(i, memo.remember(i % 2 == 0 ? "a" : "b", i, i));
    }

    assertEquals(3, memo.size());
    assertEquals(2, memo.get("a", 2));
    assertNull(memo.get("b", 3));
    assertNull(memo.get("a", 4));
  }
}
