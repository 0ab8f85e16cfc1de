package io.aitap.agent.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonPathTest {

  @Test
  void growsPastItsFirstSegmentsAndStopsAtSixtyFour() {
    JsonPath path = new JsonPath();
    for (int i = 0; i < 64; i++) {
      assertTrue(path.push("s" + i), "segment " + i);
    }
    assertFalse(path.push("one too deep"));
    assertEquals(64, path.depth());
    assertEquals("s63", path.last());
    assertEquals("s9", path.segment(9));
    assertTrue(path.startsWith("s0", "s1", "s2", "s3"));
    path.clear();
    assertEquals(0, path.depth());
    assertEquals(null, path.last());
  }

  @Test
  void checksOfOneToThreeSegmentsAgreeWithTheGeneralOnes() {
    JsonPath path = new JsonPath();
    path.push("messages");
    path.push("[]");
    path.push("content");
    assertTrue(path.is("messages", "[]", "content"));
    assertTrue(path.is(new String[] {"messages", "[]", "content"}));
    assertFalse(path.is("messages", "[]"));
    assertFalse(path.is("messages"));
    assertFalse(path.is("messages", "[]", "role"));
    assertTrue(path.startsWith("messages", "[]"));
    assertTrue(path.startsWith("messages", "[]", "content"));
    assertFalse(path.startsWith("messages", "[]", "content", "more"));
    assertFalse(path.startsWith("content", "[]"));
    path.pop();
    path.pop();
    assertTrue(path.is("messages"));
    assertFalse(path.startsWith("messages", "[]"));
    path.setLast(null);
    assertFalse(path.is("messages"));
  }
}
