package io.aitap.smoke.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.OtlpReceiver;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.ClientProgram;
import io.aitap.smoke.replay.Fixture;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.SmokePlan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code -Daitap.enabled=false} or {@code AITAP_ENABLED=false}: the agent jar is attached, the
 * application runs as ever, nothing is reported.
 */
public class DisabledAgentSmokeTest {

  @TestFactory
  Stream<DynamicContainer> disabledAgentReportsNothing() {
    return TestJdk.all().stream().map(jdk -> dynamicContainer(jdk.toString(), Stream.of(
        dynamicTest("-Daitap.enabled=false, " + ClientProgram.jdkHttpClient(), () -> disabled(
            jdk, ClientProgram.jdkHttpClient(), jvm -> jvm.systemProperty("aitap.enabled", "false"))),
        dynamicTest("AITAP_ENABLED=false, " + ClientProgram.urlConnection(), () -> disabled(
            jdk, ClientProgram.urlConnection(), jvm -> jvm.environment("AITAP_ENABLED", "false"))))));
  }

  private static void disabled(TestJdk jdk, ClientProgram client, UnaryOperator<AgentJvm> disabling)
      throws IOException {
    nothingReported(jdk, client, disabling, false);
  }

  /**
   * Runs a chat completion and a stream through {@code client} in a JVM with the agent jar,
   * configured by {@code setUp}: the application gets the provider's answers, and no span and no
   * GenAI metric is exported; with {@code agentRuns} false, nothing at all (a running agent's
   * OpenTelemetry SDK reports on itself). Returns what the JVM printed.
   */
  public static AgentJvm.Result nothingReported(TestJdk jdk, ClientProgram client, UnaryOperator<AgentJvm> setUp,
      boolean agentRuns) throws IOException {
    List<Fixture> fixtures = List.of(Fixtures.named("openai-chat.json"), Fixtures.named("openai-chat-stream.sse"));
    try (FakeProvider provider = new FakeProvider(); OtlpReceiver receiver = new OtlpReceiver()) {
      SmokePlan plan = SmokePlan.ofFixtures(client, provider, fixtures);
      AgentJvm.Result result = setUp.apply(
          new AgentJvm(jdk, client.mainClass()).libraries(client.libraries()).exportingTo(receiver))
          .run(plan);
      Map<String, CallReport> reports = result.reports();
      for (SmokePlan.AiCall ai : plan.aiCalls()) {
        CallReport report = reports.get(ai.call.id());
        FakeProvider.Exchange exchange = provider.exchange(ai.call.id());
        assertEquals(ai.fixture.status(), report.status(), ai.fixture + " status");
        assertEquals(BodyDigest.of(exchange.responseBody), report.responseSha256(), ai.fixture + " response bytes");
      }
      assertTrue(receiver.spans().isEmpty(), () -> "spans: " + receiver.spans());
      assertTrue(receiver.metrics().stream().noneMatch(metric -> !agentRuns || metric.getName().startsWith("gen_ai.")),
          () -> "metrics: " + receiver.metrics());
      assertTrue(receiver.rejected().isEmpty(), () -> "exports: " + receiver.rejected());
      return result;
    }
  }
}
