package io.aitap.smoke;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture of every provider through each client program (Vert.x: the OpenAI family's), on
 * each test JDK: a real JVM with the real agent jar against the fake provider under the providers'
 * real host names, compared with the same program without the agent and with what the OTLP
 * receiver got.
 */
class ProviderSmokeTest {

  /** Runs go ahead a few at a time: most of a run is waiting on the providers' pacing. */
  private static final ExecutorService RUNS = Executors.newFixedThreadPool(3, DaemonThreads.named("smoke-run"));

  @TestFactory
  Stream<DynamicContainer> everyProviderThroughEachClient() {
    List<DynamicContainer> jdks = new ArrayList<>();
    for (TestJdk jdk : TestJdk.all()) {
      List<DynamicContainer> clients = new ArrayList<>();
      for (ClientProgram client : ClientProgram.all()) {
        clients.add(started(jdk, client, SmokePlan::of));
      }
      for (ClientProgram client : ClientProgram.vertxClients()) {
        clients.add(started(jdk, client, SmokePlan::ofOpenAiFamily));
      }
      jdks.add(dynamicContainer(jdk.toString(), clients));
    }
    return jdks.stream();
  }

  private static DynamicContainer started(TestJdk jdk, ClientProgram client, SmokeRun.Planner planner) {
    return started(jdk, client, planner, (jvm, provider) -> jvm);
  }

  /** The run starts now, on the pool; its checks wait for it, and a failed run fails its container. */
  static DynamicContainer started(TestJdk jdk, ClientProgram client, SmokeRun.Planner planner,
      SmokeRun.AgentSetUp agentSetUp) {
    CompletableFuture<SmokeRun> run =
        CompletableFuture.supplyAsync(() -> SmokeRun.execute(jdk, client, planner, agentSetUp), RUNS);
    return dynamicContainer(client.toString(), Stream.of(run).flatMap(r -> checksOf(SmokeRun.join(r))));
  }

  /** Lazy: the JVMs start when JUnit reaches this container, and a failed run fails the container. */
  static Stream<DynamicNode> checksOf(TestJdk jdk, ClientProgram client, SmokeRun.Planner planner) {
    return Stream.of(jdk).flatMap(j -> checksOf(SmokeRun.execute(j, client, planner)));
  }

  private static Stream<DynamicNode> checksOf(SmokeRun run) {
    return Stream.of(
        dynamicContainer("the application does not notice the agent", CallChecks.of(run).stream()),
        dynamicContainer("spans", SpanChecks.of(run).stream()),
        dynamicContainer("metrics", MetricChecks.of(run).stream()));
  }
}
