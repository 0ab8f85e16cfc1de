package io.aitap.smoke;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture of every provider through each client program (Vert.x: the OpenAI family's), on
 * each test JDK: a real JVM with
 * the real agent jar against the fake provider under the providers' real host names, compared with
 * the same program without the agent and with what the OTLP receiver got.
 */
class ProviderSmokeTest {

  @TestFactory
  Stream<DynamicContainer> everyProviderThroughEachClient() {
    return TestJdk.all().stream().map(jdk -> dynamicContainer(jdk.toString(), Stream.concat(
        ClientProgram.all().stream()
            .map(client -> dynamicContainer(client.toString(), checksOf(jdk, client, SmokePlan::of))),
        ClientProgram.vertxClients().stream()
            .map(client -> dynamicContainer(client.toString(), checksOf(jdk, client, SmokePlan::ofOpenAiFamily))))));
  }

  /** Lazy: the JVMs start when JUnit reaches this container, and a failed run fails the container. */
  static Stream<DynamicNode> checksOf(TestJdk jdk, ClientProgram client, SmokeRun.Planner planner) {
    return Stream.of(jdk).flatMap(j -> {
      SmokeRun run = SmokeRun.execute(j, client, planner);
      return Stream.of(
          dynamicContainer("the application does not notice the agent", CallChecks.of(run).stream()),
          dynamicContainer("spans", SpanChecks.of(run).stream()),
          dynamicContainer("metrics", MetricChecks.of(run).stream()));
    });
  }
}
