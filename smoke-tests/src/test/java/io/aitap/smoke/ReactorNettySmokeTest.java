package io.aitap.smoke;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every OpenAI-family fixture through Reactor Netty 1.0 and 1.3, directly and under Spring's
 * WebClient, on each test JDK: the same run and checks as {@link OpenAiFamilySmokeTest}.
 */
class ReactorNettySmokeTest {

  @TestFactory
  Stream<DynamicContainer> openAiFamilyThroughReactorNetty() {
    return TestJdk.all().stream()
        .map(jdk -> dynamicContainer(jdk.toString(), ClientProgram.reactorNettyClients().stream()
            .map(client -> dynamicContainer(client.toString(), checksOf(jdk, client)))));
  }

  private static Stream<DynamicNode> checksOf(TestJdk jdk, ClientProgram client) {
    return Stream.of(jdk).flatMap(j -> {
      SmokeRun run = SmokeRun.execute(j, client);
      return Stream.of(
          dynamicContainer("the application does not notice the agent", CallChecks.of(run).stream()),
          dynamicContainer("spans", SpanChecks.of(run).stream()),
          dynamicContainer("metrics", MetricChecks.of(run).stream()));
    });
  }
}
