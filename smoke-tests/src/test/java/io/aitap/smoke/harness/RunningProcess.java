package io.aitap.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A server program the test runs, with everything it prints in one log file that outlives
 * restarts; it counts as started once {@code ready} holds.
 */
public final class RunningProcess implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private Process process;

  private RunningProcess(String name, List<String> command, Map<String, String> environment, Path log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.log = log;
  }

  /**
   * Starts {@code command} with {@code environment} added to the test's, logging into {@code log},
   * and waits until {@code ready} holds.
   */
  public static RunningProcess start(String name, List<String> command, Map<String, String> environment, Path log,
      BooleanSupplier ready) throws IOException {
    RunningProcess running = new RunningProcess(name, command, environment, log);
    running.restart(ready);
    return running;
  }

  /** Runs the same command again (after {@link #stop}), on the same ports and files. */
  public void restart(BooleanSupplier ready) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!ready.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String output = log();
        stop();
        throw new AssertionError(name + " did not start within " + STARTUP + ": " + command + "\n" + output);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Asks the program to end, as a service manager would, and waits until it has. */
  public void stop() {
    Processes.stop(process);
  }

  public Path logFile() {
    return log;
  }

  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
