package io.aitap.smoke.clients;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.CallChecks;
import io.aitap.smoke.replay.ClientProgram;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.MetricChecks;
import io.aitap.smoke.replay.SmokePlan;
import io.aitap.smoke.replay.SmokeRun;
import io.aitap.smoke.replay.SpanChecks;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Bedrock Converse, plain, streaming and throttled, through the AWS SDK's async client on its
 * Netty transport, which no HTTP-level instrumentation sees: one span per exchange with exactly
 * what the fixture implies, and the application's results the same as without the agent.
 */
class BedrockAsyncSmokeTest {

  @TestFactory
  Stream<DynamicContainer> bedrockConverseThroughTheAsyncSdk() {
    return TestJdk.all().stream()
        .map(jdk -> dynamicContainer(jdk.toString(), ClientProgram.awsSdkAsyncClients().stream()
            .map(client -> dynamicContainer(client.toString(), checksOf(jdk, client)))));
  }

  private static Stream<DynamicNode> checksOf(TestJdk jdk, ClientProgram client) {
    return Stream.of(jdk).flatMap(j -> {
      SmokeRun run = SmokeRun.execute(j, client,
          (program, provider, traceparent) -> SmokePlan.ofFixtures(program, provider, Fixtures.bedrockConverse()));
      return Stream.of(
          dynamicContainer("the application does not notice the agent", CallChecks.ofSdk(run).stream()),
          dynamicContainer("spans", SpanChecks.of(run).stream()),
          dynamicContainer("metrics", MetricChecks.of(run).stream()));
    });
  }
}
