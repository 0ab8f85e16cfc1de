package io.aitap.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

  @Test
  void escapesAreDecodedAsUtf8AndAPlusStaysAPlus() {
    assertEquals("gpt-4o", PercentDecoding.lenient("gpt%2D4o"));
    assertEquals("café au+lait", PercentDecoding.strict("caf%C3%A9%20au+lait"));
    assertEquals("no escapes", PercentDecoding.strict("no escapes"));
  }

  @Test
  void leniently_whatIsNotAnEscapeStaysAsItCame() {
    assertEquals("50%", PercentDecoding.lenient("50%"));
    assertEquals("a%2", PercentDecoding.lenient("a%2"));
    assertEquals("a%zz b", PercentDecoding.lenient("a%zz%20b"));
    assertEquals("modèle x", PercentDecoding.lenient("modèle%20x"));
    assertEquals("\uD83D\uDE00 x", PercentDecoding.lenient("\uD83D\uDE00%20x"));
    assertEquals("\uFFFD", PercentDecoding.lenient("%FF"));
  }

  @Test
  void strictly_anythingInvalidMeansNoValue() {
    assertNull(PercentDecoding.strict("a%2"));
    assertNull(PercentDecoding.strict("a%zz"));
    assertNull(PercentDecoding.strict("é%20"));
    assertNull(PercentDecoding.strict("%FF"));
  }
}
