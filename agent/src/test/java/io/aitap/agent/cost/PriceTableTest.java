package io.aitap.agent.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private final PriceTable table = new PriceTable();

  @Test
  void theMostSpecificLineWinsAndALaterLineReplacesAnEarlierOne() throws IOException {
    read("gpt-*  1  2\n"
        + "gpt-4o*  3  4\n"
        + "gpt-4o  5  6\n"
        + "gpt-4o  7  8\n");

    assertEquals("prices line 4 (gpt-4o 7 8)", table.find("gpt-4o", null).name());
    assertEquals("prices line 2 (gpt-4o* 3 4)", table.find("gpt-4o-mini", null).name());
    assertEquals("prices line 1 (gpt-* 1 2)", table.find("gpt-5", null).name());
    assertNull(table.find("claude-sonnet-4-5", null));
  }

  @Test
  void anEndpointsOwnLineWinsOverAMoreSpecificLineForEveryEndpoint() throws IOException {
    read("gpt-4o  1  2\n"
        + "*  blended  0.5  @Relay.Example\n");

    assertEquals("prices line 2 (* blended 0.5 @Relay.Example)", table.find("gpt-4o", "relay.example").name());
    assertEquals("prices line 2 (* blended 0.5 @Relay.Example)", table.find("gpt-4o", "RELAY.example").name());
    assertEquals("prices line 1 (gpt-4o 1 2)", table.find("gpt-4o", "api.openai.com").name());
    assertEquals("prices line 1 (gpt-4o 1 2)", table.find("gpt-4o", null).name());
  }

  @Test
  void aMalformedLineNamesItsPlace() {
    IOException e = assertThrows(IOException.class, () -> read("gpt-4o  1\n"));
    assertEquals("prices line 1: expected: model input output [cache_read] [cache_write] [@host]", e.getMessage());
  }

  private void read(String lines) throws IOException {
    table.read(new StringReader(lines), "prices");
  }
}
