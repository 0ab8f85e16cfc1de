package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.demo.DemoProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector of the first way in stops in the middle of a run and comes back: the service
 * (the demo on the other JDK, Temurin 25 where it is installed) notices nothing, every call
 * answered as before and at its pace, and its series in Prometheus 3 go on where they left off,
 * the calls made while the collector was away included.
 */
class CollectorRestartTest {

  /** More rounds than the test lasts: closing the demo ends it. */
  private static final int ROUNDS = 100_000;
  /** Rounds timed with the collector up, then with it down. */
  private static final int TIMED_ROUNDS = 3;
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String CALLS = "sum(gen_ai_client_operation_duration_seconds_count{job=\"" + DemoJvm.SERVICE + "\"})";
  private static final String SERIES = "count by (job, instance, gen_ai_request_model, error_type) "
      + "(gen_ai_client_operation_duration_seconds_count{job=\"" + DemoJvm.SERVICE + "\"})";

  @Test
  void theServiceCarriesOnWhileTheCollectorIsAwayAndItsSeriesContinue(@TempDir Path work) throws Exception {
    try (CollectorProcess collector = CollectorProcess.start(work, CollectorProcess.PULL, Map.of());
        Prometheus3 prometheus = Prometheus3.start(work, ShippedPrometheusConfig.write(work, Map.of(
            "otel-collector:" + CollectorProcess.PROMETHEUS_EXPORTER, "127.0.0.1:" + collector.port(CollectorProcess.PROMETHEUS_EXPORTER))));
        DemoJvm demo = DemoJvm.start(work, DemoThroughPipelineChecks.otherJava(), ROUNDS,
            DemoThroughPipelineChecks.sendingTo(collector.otlpHttpEndpoint()))) {
      PrometheusApi api = prometheus.api();
      DemoProgress progress = new DemoProgress(demo);
      Supplier<String> logs = () -> demo.output() + "--- collector ---\n" + collector.log() + "--- prometheus ---\n" + prometheus.log();

      eventually("calls in Prometheus", () -> api.query(CALLS), samples -> samples.size() == 1 && samples.get(0).value > 0, logs);
      Duration up = progress.timeOfNext(TIMED_ROUNDS, PATIENCE);
      Set<Map<String, String>> seriesBefore = labelSets(api.query(SERIES));
      double countedBefore = api.query(CALLS).get(0).value;

      collector.stop();
      Duration down = progress.timeOfNext(TIMED_ROUNDS, PATIENCE);
      System.out.println(TIMED_ROUNDS + " rounds of the demo took " + up + " with the collector up, " + down + " with it away");
      assertTrue(down.compareTo(up.multipliedBy(5).plusSeconds(10)) <= 0,
          TIMED_ROUNDS + " rounds took " + down + " with the collector away, " + up + " with it up\n" + logs.get());

      collector.restart();
      long callsAtRestart = progress.calls().size();
      List<PrometheusApi.Sample> counted = eventually("at least the " + callsAtRestart + " calls made before the restart counted",
          () -> api.query(CALLS), samples -> samples.size() == 1 && samples.get(0).value >= callsAtRestart, logs);
      assertTrue(counted.get(0).value > countedBefore, "counted " + counted + " after the restart, " + countedBefore + " before the stop");
      eventually("the same series as before the stop", () -> labelSets(api.query(SERIES)), seriesBefore::equals, logs);
      assertEveryCallAnsweredAsAlways(progress.calls(), logs);
    }
  }

  /** Every call got the answer the demo provider gives it: 429 for the rate-limited model, 200 for the rest. */
  private static void assertEveryCallAnsweredAsAlways(List<String> calls, Supplier<String> logs) {
    for (String call : calls) {
      String expected = call.startsWith("chat (limited)") ? "-> HTTP 429" : "-> HTTP 200";
      assertTrue(call.contains(expected), call + " (model " + DemoProvider.RATE_LIMITED_MODEL + " is limited)\n" + logs.get());
    }
    Map<String, Set<String>> streams = calls.stream().filter(call -> call.contains("stream"))
        .collect(Collectors.groupingBy(call -> call.substring(0, call.indexOf("->")), Collectors.toSet()));
    streams.forEach((kind, answers) -> assertEquals(1, answers.size(), kind + " streams got different answers: " + answers));
  }

  private static Set<Map<String, String>> labelSets(List<PrometheusApi.Sample> samples) {
    return samples.stream().map(sample -> sample.labels).collect(Collectors.toSet());
  }

  private static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done, Supplier<String> logs) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      boolean lastTry = System.nanoTime() > deadline;
      T last = probe.get();
      if (done.test(last)) {
        return last;
      }
      if (lastTry) {
        throw new AssertionError(what + " did not hold within " + PATIENCE + "; Prometheus answered last: " + last + "\n" + logs.get());
      }
      Thread.sleep(500);
    }
  }
}
