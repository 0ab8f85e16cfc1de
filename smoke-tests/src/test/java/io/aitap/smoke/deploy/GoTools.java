package io.aitap.smoke.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The programs {@code smoke-tests/tools/build-go-tools.sh} builds from source before the tests
 * run, in the cache directory the build names ({@code aitap.tools}).
 */
final class GoTools {

  private GoTools() {}

  /** The OpenTelemetry Collector with the components of {@code deploy/otel-collector/builder.yaml}. */
  static Path collector() {
    return tool("otelcol-aitap");
  }

  /** Prometheus 3, at the version the build script pins. */
  static Path prometheus() {
    return tool("prometheus");
  }

  private static Path tool(String name) {
    Path cache = Paths.get(System.getProperty("aitap.tools", System.getProperty("user.home") + "/.cache/aitap-tools"));
    Path tool = cache.resolve(name);
    if (!Files.isExecutable(tool)) {
      throw new IllegalStateException("no " + name + " in " + cache
          + ": smoke-tests/tools/build-go-tools.sh builds it (the smoke-tests build runs it before the tests)");
    }
    return tool;
  }
}
