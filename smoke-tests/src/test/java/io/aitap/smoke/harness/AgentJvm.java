package io.aitap.smoke.harness;

import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.replay.SmokePlan;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A separate JVM running one program from the smoke tests' classes, with the real agent jar
 * ({@code aitap.agent.jar}) or without it, exporting OTLP/HTTP protobuf to a receiver. Host names
 * resolve through a generated hosts file ({@code jdk.net.hosts.file}) that sends the providers'
 * real names to 127.0.0.1, so the agent sees {@code api.openai.com} while the fake answers (the
 * hosts file replaces DNS: names it does not list do not resolve), and trusts only the fake's
 * {@link ProviderCertificate}.
 */
public final class AgentJvm {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  /** What the JVM printed and how it ended. */
  public static final class Result {
    public final String stdout;
    public final String stderr;

    Result(String stdout, String stderr) {
      this.stdout = stdout;
      this.stderr = stderr;
    }

    public String output() {
      return "--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }

    /** The program's report of each call, by call id. */
    public Map<String, CallReport> reports() {
      Map<String, CallReport> reports = new LinkedHashMap<>();
      for (CallReport report : CallReport.parseAll(stdout)) {
        reports.put(report.id(), report);
      }
      return reports;
    }
  }

  private final TestJdk jdk;
  /** The class to run from the smoke tests' classes, or null to run {@link #executableJar}. */
  private final String mainClass;
  private final Path executableJar;
  private final Set<String> hosts = new LinkedHashSet<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> libraryJars = new ArrayList<>();
  private boolean withAgent = true;
  /** Whether the harness adds its OpenTelemetry settings (service name, receiver, export intervals). */
  private boolean harnessSettings = true;
  /** Another Java agent's jar, started before aitap's ({@link #otherAgentFirst}) or after it. */
  private Path otherAgent;
  private boolean otherAgentFirst;
  private boolean verifyJdkClasses;
  private String serviceName = "aitap-smoke";
  private OtlpReceiver receiver;
  private Duration timeout = DEFAULT_TIMEOUT;

  public AgentJvm(TestJdk jdk, Class<?> mainClass) {
    this(jdk, mainClass.getName(), null);
  }

  private AgentJvm(TestJdk jdk, String mainClass, Path executableJar) {
    this.jdk = jdk;
    this.mainClass = mainClass;
    this.executableJar = executableJar;
    hosts.add("localhost");
  }

  /** A JVM running an executable jar ({@code java -jar}) that brings its own libraries. */
  public static AgentJvm executableJar(TestJdk jdk, Path jar) {
    return new AgentJvm(jdk, null, jar);
  }

  /** Where the build put the client libraries, one directory per library and version: see {@link ClientLibrary}. */
  static Path clientLibraries() {
    return Paths.get(requiredProperty("aitap.smoke.clients"));
  }

  /**
   * The class path of an application using one SDK, {@code src/it/sdk-<name>}: the SDK and what
   * Maven resolves with it, as the build copied it.
   */
  public static Path sdkLibraries(String name) {
    return Paths.get(requiredProperty("aitap.smoke.apps"), "sdk-" + name, "target", "classpath");
  }

  /** The OpenTelemetry Java agent's jar, as the build copied it. */
  public static Path openTelemetryAgent() {
    return Paths.get(requiredProperty("aitap.smoke.otel.agent"));
  }

  /** The version of {@link #openTelemetryAgent()}. */
  public static String openTelemetryAgentVersion() {
    return requiredProperty("aitap.smoke.otel.agent.version");
  }

  /** Puts the jars in this directory on the class path; null: none. */
  public AgentJvm libraries(Path directory) {
    if (directory != null) {
      try (Stream<Path> jars = Files.list(directory)) {
        jars.map(Path::toString).sorted().forEach(libraryJars::add);
      } catch (IOException e) {
        throw new UncheckedIOException("no libraries in " + directory + ": build the module that copies them first", e);
      }
    }
    return this;
  }

  public AgentJvm withoutAgent() {
    withAgent = false;
    return this;
  }

  /**
   * No OpenTelemetry or aitap setting but those the test gives, as a user following the README
   * would run it: no service name, no endpoint, no protocol, no export intervals.
   */
  public AgentJvm withOnlyTheGivenSettings() {
    harnessSettings = false;
    return this;
  }

  /** Starts another Java agent beside aitap: its {@code -javaagent} flag before aitap's when {@code first}, else after. */
  public AgentJvm besideAgent(Path jar, boolean first) {
    this.otherAgent = jar;
    this.otherAgentFirst = first;
    return this;
  }

  /**
   * The boot loader's classes verified as they load, as every other loader's are: the JVM skips
   * them by default, so a flaw in the hooks woven into {@code HttpURLConnection} would otherwise
   * go unchecked.
   */
  public AgentJvm verifyingJdkClasses() {
    this.verifyJdkClasses = true;
    return this;
  }

  /** How long the JVM may take to its end; two agents starting up on a busy machine take longer. */
  public AgentJvm timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  public AgentJvm exportingTo(OtlpReceiver receiver) {
    this.receiver = receiver;
    return this;
  }

  public AgentJvm serviceName(String serviceName) {
    this.serviceName = serviceName;
    return this;
  }

  public AgentJvm systemProperty(String name, String value) {
    systemProperties.put(name, value);
    return this;
  }

  public AgentJvm environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /**
   * Runs a client program through the plan's calls, to its end; fails with everything it printed
   * unless it exits 0 in time.
   */
  public Result run(SmokePlan plan) {
    try {
      Path work = Files.createTempDirectory(workDirectory(), "jvm-");
      Path planFile = work.resolve("plan.tsv");
      PlannedCall.writePlan(planFile, plan.calls());
      plan.calls().forEach(call -> hosts.add(call.uri().getHost()));
      return run(work, List.of(planFile.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the program with these arguments, to its end, like {@link #run(SmokePlan)}. */
  public Result run(String... arguments) {
    try {
      return run(Files.createTempDirectory(workDirectory(), "jvm-"), List.of(arguments));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Result run(Path work, List<String> arguments) {
    try {
      hosts.addAll(SmokePlan.allHosts());
      Path hostsFile = work.resolve("hosts");
      List<String> lines = new ArrayList<>();
      for (String host : hosts) {
        lines.add("127.0.0.1 " + host);
      }
      Files.write(hostsFile, lines, StandardCharsets.UTF_8);
      Path stdout = work.resolve("stdout");
      Path stderr = work.resolve("stderr");
      ProcessBuilder builder = new ProcessBuilder(command(hostsFile, arguments))
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile());
      configureEnvironment(builder.environment());
      Process process = builder.start();
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Result result = new Result(read(stdout), read(stderr));
      if (!exited) {
        throw new AssertionError(this + " did not end within " + timeout + "\n" + result.output());
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(this + " exited with " + process.exitValue() + "\n" + result.output());
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private List<String> command(Path hostsFile, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(jdk.java().toString());
    if (otherAgent != null && otherAgentFirst) {
      command.add("-javaagent:" + otherAgent);
    }
    if (withAgent) {
      command.add("-javaagent:" + agentJar());
    }
    if (otherAgent != null && !otherAgentFirst) {
      command.add("-javaagent:" + otherAgent);
    }
    command.add("-Djdk.net.hosts.file=" + hostsFile);
    ProviderCertificate.get().trustProperties().forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-Xmx256m");
    if (verifyJdkClasses) {
      command.add("-XX:+UnlockDiagnosticVMOptions");
      command.add("-XX:+BytecodeVerificationLocal");
    }
    systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    if (executableJar != null) {
      command.add("-jar");
      command.add(executableJar.toString());
    } else {
      command.add("-cp");
      List<String> classpath = new ArrayList<>();
      classpath.add(requiredProperty("aitap.smoke.classpath"));
      classpath.addAll(libraryJars);
      command.add(String.join(File.pathSeparator, classpath));
      command.add(mainClass);
    }
    command.addAll(arguments);
    return command;
  }

  private void configureEnvironment(Map<String, String> env) {
    // the JVM must see only the configuration the test gives it
    env.keySet().removeIf(name -> name.startsWith("OTEL_") || name.startsWith("AITAP_")
        || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS") || name.equals("_JAVA_OPTIONS"));
    if (harnessSettings) {
      if (receiver != null) {
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
        env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        env.put("OTEL_METRIC_EXPORT_INTERVAL", "500");
        env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
      }
      env.put("OTEL_SERVICE_NAME", serviceName);
    }
    env.putAll(environment);
  }

  /** Where each run keeps its hosts file and output, kept for a look after a failure. */
  private static Path workDirectory() throws IOException {
    return Files.createDirectories(Paths.get(requiredProperty("aitap.smoke.work")));
  }

  private static String agentJar() {
    Path jar = Paths.get(requiredProperty("aitap.agent.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no agent jar at " + jar + ": build the agent module first");
    }
    return jar.toAbsolutePath().toString();
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set (the smoke-tests pom sets it)");
    }
    return value;
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    String program = executableJar != null ? executableJar.getFileName().toString()
        : mainClass.substring(mainClass.lastIndexOf('.') + 1);
    String beside = otherAgent == null ? ""
        : (otherAgentFirst ? " after " : " before ") + otherAgent.getFileName();
    return program + " on " + jdk + (withAgent ? " with the agent" + beside : "");
  }
}
