package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/** The agent jar's {@code slo} command, as users run it: {@code java -jar aitap-agent.jar slo slo.yaml -o rules.yml}. */
final class SloCommand {

  private SloCommand() {}

  /** Writes the Prometheus rules for the objectives in {@code source} to {@code rules}; fails the test if the command does. */
  static void generate(Path source, Path rules) throws IOException, InterruptedException {
    Process slo = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        System.getProperty("aitap.agent.jar"), "slo", source.toString(), "-o", rules.toString())
        .redirectErrorStream(true).start();
    String output = new String(slo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    slo.waitFor(1, TimeUnit.MINUTES);
    assertEquals(0, slo.exitValue(), output);
  }
}
