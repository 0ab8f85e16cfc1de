package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

/** Prometheus rules made by the agent jar's {@code slo} command, as the README tells users to make them. */
final class SloRules {

  private final String text;

  private SloRules(String text) {
    this.text = text;
  }

  /** Runs {@code java -jar aitap-agent.jar slo <sloYaml> -o <directory>/<name>.rules.yml}. */
  static SloRules generate(Path directory, String name, String sloYaml) throws IOException, InterruptedException {
    Path source = Files.writeString(directory.resolve(name + ".slo.yaml"), sloYaml, StandardCharsets.UTF_8);
    Path rules = directory.resolve(name + ".rules.yml");
    Process slo = new ProcessBuilder(DemoJvm.RUNNING_JAVA.toString(), "-jar", System.getProperty("aitap.agent.jar"),
        "slo", source.toString(), "-o", rules.toString())
        .redirectErrorStream(true).start();
    String output = new String(slo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!slo.waitFor(60, TimeUnit.SECONDS)) {
      slo.destroyForcibly();
      throw new AssertionError("the slo command did not end within 60 s: " + output);
    }
    assertEquals(0, slo.exitValue(), output);
    return new SloRules(Files.readString(rules, StandardCharsets.UTF_8));
  }

  /** The expression of the first rule that records {@code series}, its block scalar joined into one line. */
  String expression(String series) {
    List<String> lines = text.lines().collect(Collectors.toList());
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals("- record: " + series)) {
        String expr = lines.get(i + 1);
        int indent = expr.indexOf("expr:");
        if (!expr.trim().equals("expr: |")) {
          return expr.substring(indent + "expr:".length()).trim();
        }
        StringBuilder block = new StringBuilder();
        for (int j = i + 2; j < lines.size() && indentOf(lines.get(j)) > indent; j++) {
          block.append(lines.get(j).trim()).append(' ');
        }
        return block.toString().trim();
      }
    }
    throw new AssertionError("no rule records " + series + " in\n" + text);
  }

  private static int indentOf(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    return line.isBlank() ? Integer.MAX_VALUE : indent;
  }
}
