package io.aitap.smoke.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The programs {@code smoke-tests/tools/build-go-tools.sh} builds from source before the tests start
 * (Prometheus 3, Alertmanager, the collector with the components of
 * {@code deploy/otel-collector/builder.yaml}), in the directory the build passes as {@code aitap.tools}.
 */
public final class BuiltTools {

  private BuiltTools() {}

  public static Path path(String program) {
    return Paths.get(System.getProperty("aitap.tools", System.getProperty("user.home") + "/.cache/aitap-tools"), program);
  }

  /** The program, which the build must have made: its absence fails the test rather than skipping it. */
  public static Path require(String program) {
    Path path = path(program);
    if (!Files.isExecutable(path)) {
      throw new AssertionError("no " + program + " at " + path + ": the smoke-tests build runs tools/build-go-tools.sh to build it");
    }
    return path;
  }
}
