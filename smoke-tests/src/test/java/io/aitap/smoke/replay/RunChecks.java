package io.aitap.smoke.replay;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import io.aitap.smoke.harness.DaemonThreads;
import io.aitap.smoke.harness.TestJdk;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;

/**
 * A client program's smoke run and its checks as JUnit containers: the application does not
 * notice the agent, the spans, the metrics.
 */
public final class RunChecks {

  /** Runs go ahead a few at a time: most of a run is waiting on the providers' pacing. */
  private static final ExecutorService RUNS = Executors.newFixedThreadPool(3, DaemonThreads.named("smoke-run"));

  private RunChecks() {}

  /** The run starts now, on the pool; its checks wait for it, and a failed run fails its container. */
  public static DynamicContainer started(TestJdk jdk, ClientProgram client, SmokeRun.Planner planner,
      SmokeRun.AgentSetUp agentSetUp) {
    CompletableFuture<SmokeRun> run =
        CompletableFuture.supplyAsync(() -> SmokeRun.execute(jdk, client, planner, agentSetUp), RUNS);
    return dynamicContainer(client.toString(), Stream.of(run).flatMap(r -> checksOf(SmokeRun.join(r))));
  }

  /** Lazy: the JVMs start when JUnit reaches this container, and a failed run fails the container. */
  public static Stream<DynamicNode> checksOf(TestJdk jdk, ClientProgram client, SmokeRun.Planner planner) {
    return Stream.of(jdk).flatMap(j -> checksOf(SmokeRun.execute(j, client, planner)));
  }

  private static Stream<DynamicNode> checksOf(SmokeRun run) {
    return Stream.of(
        dynamicContainer("the application does not notice the agent", CallChecks.of(run).stream()),
        dynamicContainer("spans", SpanChecks.of(run).stream()),
        dynamicContainer("metrics", MetricChecks.of(run).stream()));
  }
}
