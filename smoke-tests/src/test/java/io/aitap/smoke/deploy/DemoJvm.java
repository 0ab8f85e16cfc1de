package io.aitap.smoke.deploy;

import io.aitap.demo.DemoService;
import io.aitap.smoke.harness.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The demo service ({@link DemoService} with its built-in provider on 127.0.0.1) in a JVM of its
 * own, on the JDK running the tests, with the real agent jar. It makes its rounds of calls, then
 * stays up, so its telemetry can be scraped, until it is closed.
 */
final class DemoJvm implements AutoCloseable {

  /** The service name, which becomes the job label on both paths into Prometheus. */
  static final String SERVICE = "aitap-demo";
  /** The JDK running the tests. */
  static final Path RUNNING_JAVA = Paths.get(System.getProperty("java.home"), "bin", "java");

  private final Process process;
  /** What the demo printed, both streams: its lines for each call, and whatever aitap logged. */
  private final Path output;

  private DemoJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts the demo for {@code rounds} rounds with the given OpenTelemetry settings (OTEL_* variables). */
  static DemoJvm start(Path work, int rounds, Map<String, String> otel) throws IOException {
    return start(work, RUNNING_JAVA, rounds, otel);
  }

  /** The same on the JDK whose {@code bin/java} is {@code java}. */
  static DemoJvm start(Path work, Path java, int rounds, Map<String, String> otel) throws IOException {
    Path output = work.resolve("demo.out");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        java.toString(),
        "-javaagent:" + agentJar(),
        "-Xmx256m",
        "-Ddemo.rounds=" + rounds,
        // long enough for every check; close() ends it
        "-Ddemo.linger.ms=" + 30 * 60 * 1000,
        "-cp", demoClasses(),
        DemoService.class.getName()))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    // the demo must see only the configuration the test gives it, and never a real API's URL or key
    env.keySet().removeIf(name -> name.startsWith("OTEL_") || name.startsWith("AITAP_") || name.startsWith("OPENAI_")
        || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
    env.put("OTEL_SERVICE_NAME", SERVICE);
    env.putAll(otel);
    return new DemoJvm(builder.start(), output);
  }

  /** Where the demo prints a line for each call it made, as the call returns. */
  Path outputFile() {
    return output;
  }

  /** What the demo printed so far, for a failure message. */
  String output() {
    try {
      return "--- demo output ---\n" + Files.readString(output, StandardCharsets.UTF_8)
          + (process.isAlive() ? "" : "--- demo exited with " + process.exitValue() + " ---\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String agentJar() {
    Path jar = Paths.get(System.getProperty("aitap.agent.jar", "../agent/target/aitap-agent.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no agent jar at " + jar + ": build the agent module first");
    }
    return jar.toAbsolutePath().toString();
  }

  /** The module's main classes, where the build compiled the demo (its jar is packaged only after the tests). */
  private static String demoClasses() {
    try {
      return Paths.get(DemoService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
