package io.aitap.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AitapCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AitapCommand command =
      new AitapCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void showsThePriceItAppliesToAModel() {
    assertEquals(0, command.run(new String[] {"price", "gpt-4o-mini-2024-07-18"}));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("gpt-4o-mini: input 0.15, output 0.6, cache read 0.075"),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void saysWhenAModelHasNoPrice() {
    assertEquals(1, command.run(new String[] {"price", "in-house-model"}));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("no price"));
  }

  @Test
  void helpListsTheCommandsAndUnknownOnesFail() {
    assertEquals(0, command.run(new String[0]));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("attach <pid>"));
    assertEquals(2, command.run(new String[] {"frobnicate"}));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command"));
  }
}
