package io.aitap.smoke.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The demo's calls as it prints them, one line per call as it returns ("chat -> HTTP 200"). */
final class DemoProgress {

  private static final String CALL = "-> HTTP ";
  /** The last call of each round. */
  private static final String ROUND_END = "embeddings";

  private final DemoJvm demo;

  DemoProgress(DemoJvm demo) {
    this.demo = demo;
  }

  List<String> calls() {
    try {
      return Files.readAllLines(demo.outputFile(), StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains(CALL)).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long rounds() {
    return calls().stream().filter(line -> line.startsWith(ROUND_END)).count();
  }

  /** Waits until the demo has completed {@code rounds} more rounds, for at most {@code patience}; returns how long that took. */
  Duration timeOfNext(int rounds, Duration patience) throws InterruptedException {
    long start = System.nanoTime();
    long target = rounds() + rounds;
    while (rounds() < target) {
      if (System.nanoTime() - start > patience.toNanos()) {
        throw new AssertionError("the demo did not complete " + rounds + " rounds within " + patience + "\n" + demo.output());
      }
      Thread.sleep(50);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
