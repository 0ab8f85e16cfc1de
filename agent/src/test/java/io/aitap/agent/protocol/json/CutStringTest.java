package io.aitap.agent.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CutStringTest {

  @Test
  void theMarkCarriesTheFullLengthInDigits() {
    byte[] into = new byte[CutString.MAX_MARK_BYTES];
    for (long sent : new long[] {0, 7, 10, 1025, 4_000_000, 999_999_999_999L, Long.MAX_VALUE}) {
      int length = CutString.mark(sent, into);
      assertEquals("\\uffff" + sent, new String(into, 0, length, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void aCutStringReadsBackItsLength() {
    byte[] into = new byte[CutString.MAX_MARK_BYTES];
    int length = CutString.mark(4_000_123, into);
    String unescaped = "kept" + CutString.MARK + new String(into, 6, length - 6, StandardCharsets.US_ASCII);
    CutString string = CutString.of(unescaped);
    assertEquals("kept", string.kept);
    assertEquals(4_000_123, string.sentBytes());
  }
}
