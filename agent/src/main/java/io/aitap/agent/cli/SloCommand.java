package io.aitap.agent.cli;

import io.aitap.agent.slo.SloParser;
import io.aitap.agent.slo.SloRuleWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** {@code slo <slo.yaml> [-o <rules.yml>]}: the Prometheus rules for an slo.yaml, on stdout or into a file. */
final class SloCommand {

  private static final String USAGE = "usage: slo <slo.yaml> [-o <rules.yml>]";

  private SloCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    boolean toFile = args.length == 3 && args[1].equals("-o");
    if (args.length != 1 && !toFile) {
      err.println(USAGE);
      return 2;
    }
    Path source = Paths.get(args[0]);
    String rules;
    try {
      rules = SloRuleWriter.write(SloParser.read(source), source.getFileName().toString());
    } catch (IOException e) {
      err.println("aitap: cannot read " + source + ": " + e);
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("aitap: " + source + ": " + e.getMessage());
      return 1;
    }
    if (!toFile) {
      out.print(rules);
      return 0;
    }
    try {
      Files.writeString(Paths.get(args[2]), rules, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("aitap: cannot write " + args[2] + ": " + e);
      return 1;
    }
    out.println("aitap: wrote the rules for " + source + " to " + args[2]);
    return 0;
  }
}
