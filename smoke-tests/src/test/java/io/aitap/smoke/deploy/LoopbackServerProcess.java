package io.aitap.smoke.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A server program a test starts on 127.0.0.1 (the blackbox exporter, Prometheus), its output in
 * a log file; {@link #start} returns once it answers 200 on its readiness URL.
 */
final class LoopbackServerProcess implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path log;

  private LoopbackServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static LoopbackServerProcess start(List<String> command, Path log, String readyUrl) throws IOException, InterruptedException {
    LoopbackServerProcess server = new LoopbackServerProcess(
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!answers200(readyUrl)) {
      if (!server.process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new AssertionError(command.get(0) + " did not answer " + readyUrl + " within " + STARTUP + "\n" + server.log());
      }
      Thread.sleep(200);
    }
    return server;
  }

  private static boolean answers200(String url) throws InterruptedException {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
