package io.aitap.smoke.clients;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.ClientLibrary;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.isolation.DisabledAgentSmokeTest;
import io.aitap.smoke.providers.ProviderSmokeTest;
import io.aitap.smoke.replay.ClientProgram;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.RunChecks;
import io.aitap.smoke.replay.SmokePlan;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reactor Netty on each test JDK: every OpenAI-family fixture through 1.0 and 1.3, directly and
 * under Spring's WebClient (the run and checks of {@link ProviderSmokeTest}); the Azure OpenAI
 * SDK on its Reactor Netty transport, plain and streaming, against an Azure host name over HTTPS;
 * and 0.9, below the range, left alone.
 */
class ReactorNettySmokeTest {

  /** What the Azure SDK calls: a chat completion, a stream of one and a rate-limited call. */
  private static final List<String> AZURE_FIXTURES =
      List.of("azure-openai-chat.json", "azure-openai-chat-stream-sdk.sse", "azure-openai-error-429.json");

  @TestFactory
  Stream<DynamicContainer> reactorNetty() {
    return TestJdk.all().stream().map(jdk -> dynamicContainer(jdk.toString(), Stream.concat(
        ClientProgram.reactorNettyClients().stream().map(client -> dynamicContainer(client.toString(),
            RunChecks.checksOf(jdk, client, SmokePlan::ofOpenAiFamily))),
        Stream.of(
            dynamicContainer(ClientProgram.azureOpenAi().toString(),
                RunChecks.checksOf(jdk, ClientProgram.azureOpenAi(),
                    (client, provider, traceparent) -> SmokePlan.of(provider, azureCalls()))),
            belowRange(jdk)))));
  }

  /** One HTTPS call per fixture, streamed ({@code stream}) or not ({@code sync}) as the fixture is. */
  private static List<SmokePlan.SdkCall> azureCalls() {
    return AZURE_FIXTURES.stream()
        .map(file -> SmokePlan.SdkCall.sdk(Fixtures.named(file).stream() ? "stream" : "sync", file,
            SmokePlan.Transport.HTTPS))
        .collect(Collectors.toList());
  }

  /**
   * 0.9 has classes of the names aitap hooks in 1.0 and later; its operations are not touched, the
   * application works as without the agent, nothing is reported and no hook fails.
   */
  private static DynamicTest belowRange(TestJdk jdk) {
    ClientLibrary version = ClientLibrary.only("reactor-netty-below-range");
    ClientProgram below = ClientProgram.reactorNetty(version);
    return dynamicTest(below + " is left alone", () -> {
      AgentJvm.Result result = DisabledAgentSmokeTest.nothingReported(
          jdk, below, jvm -> jvm.systemProperty("aitap.debug", "true"), true);
      assertFalse(result.stderr.contains("instrumented reactor.netty.http.client.HttpClientOperations"),
          () -> version + "'s operations were instrumented:\n" + result.output());
      assertFalse(result.stderr.contains("hook failed"), () -> "a hook failed on " + version + ":\n" + result.output());
    });
  }
}
