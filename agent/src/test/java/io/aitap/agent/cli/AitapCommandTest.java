package io.aitap.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AitapCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AitapCommand command =
      new AitapCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void showsThePriceItAppliesToAModel() {
    assertEquals(0, command.run(new String[] {"price", "gpt-4o-mini-2024-07-18"}));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("openai/gpt-4o-mini: input 0.15, output 0.6, cache read 0.075"),
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

  @Test
  void sloWritesTheRulesOfAnSloFileOrSaysWhatIsWrongWithIt(@TempDir Path directory) throws Exception {
    Path good = Files.writeString(directory.resolve("slo.yaml"), "slos:\n  - name: chat\n    availability: {objective: 99.9}\n");
    Path rules = directory.resolve("rules.yml");
    assertEquals(0, command.run(new String[] {"slo", good.toString(), "-o", rules.toString()}));
    String written = Files.readString(rules, StandardCharsets.UTF_8);
    assertTrue(written.startsWith("# Generated from slo.yaml by `java -jar aitap-agent.jar slo`"), written);
    assertTrue(written.contains("  - name: aitap-slo-chat\n"), written);

    Path bad = Files.writeString(directory.resolve("bad.yaml"), "slos:\n  - name: chat\n    latency: {objective: 95, threshold: 3}\n");
    assertEquals(1, command.run(new String[] {"slo", bad.toString()}));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("bad.yaml: slos[0].latency[0].threshold: 3 s is not a bucket boundary"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(2, command.run(new String[] {"slo"}));
  }
}
