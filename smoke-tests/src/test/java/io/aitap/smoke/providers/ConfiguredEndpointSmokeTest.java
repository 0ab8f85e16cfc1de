package io.aitap.smoke.providers;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.ClientProgram;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.RunChecks;
import io.aitap.smoke.replay.SmokePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Endpoints named in {@code aitap.endpoints} with the API they speak, and Anthropic's Messages API
 * found by its path on a host aitap does not know, through each client program on each test JDK:
 * Ollama's own API on a port that is not Ollama's, Anthropic's Messages (JSON and stream) through a
 * configured relay under the relay's name, and through an unknown gateway as
 * {@code anthropic_compatible}; a chat service's own {@code POST /v1/messages} is no AI call. Vert.x
 * and Reactor Netty make the Anthropic calls alone.
 */
class ConfiguredEndpointSmokeTest {

  /** A GPU box serving Ollama on the port its compose file gave it, known to aitap only by configuration. */
  static final String OLLAMA_BOX = "gpu-box";
  /** A company gateway exposing the Messages API, configured under its own provider name. */
  static final String ANTHROPIC_RELAY = "claude-relay.internal";
  static final String RELAY_PROVIDER = "corp_relay";
  /** A gateway nobody configured: its Messages path and the request's anthropic-version tell. */
  static final String UNKNOWN_ANTHROPIC_GATEWAY = "claude-gateway.internal";
  /** A chat service whose API has a {@code /v1/messages} of its own. */
  static final String CHAT_SERVICE = "chat.internal";

  private static final List<String> OLLAMA_FIXTURES = List.of(
      "ollama-chat.json", "ollama-chat-stream.ndjson", "ollama-generate-stream.ndjson", "ollama-embed.json");
  private static final List<String> ANTHROPIC_FIXTURES = List.of("anthropic-messages.json", "anthropic-messages-stream.sse");

  @TestFactory
  Stream<DynamicContainer> configuredEndpointsSpeakTheirApis() {
    List<DynamicContainer> jdks = new ArrayList<>();
    for (TestJdk jdk : TestJdk.all()) {
      List<DynamicContainer> clients = new ArrayList<>();
      for (ClientProgram client : ClientProgram.all()) {
        clients.add(started(jdk, client, OLLAMA_FIXTURES));
      }
      // the Messages calls, where these clients' own header lookups decide, without Ollama's
      List<ClientProgram> nettyClients = new ArrayList<>(ClientProgram.vertxClients());
      nettyClients.addAll(ClientProgram.reactorNettyClients());
      for (ClientProgram client : nettyClients) {
        clients.add(started(jdk, client, List.of()));
      }
      jdks.add(dynamicContainer(jdk.toString(), clients));
    }
    return jdks.stream();
  }

  /** The README's syntax: the provider alone where its API follows, {@code provider:api} where it does not. */
  private static String endpoints(FakeProvider provider) {
    return "http://" + OLLAMA_BOX + ":" + provider.port() + "=ollama, "
        + "http://" + ANTHROPIC_RELAY + ":" + provider.port() + "=" + RELAY_PROVIDER + ":anthropic";
  }

  private static DynamicContainer started(TestJdk jdk, ClientProgram client, List<String> ollamaFixtures) {
    return RunChecks.started(jdk, client,
        (program, provider, traceparent) -> plan(program, provider, ollamaFixtures),
        (jvm, provider) -> jvm.systemProperty("aitap.endpoints", endpoints(provider)));
  }

  private static SmokePlan plan(ClientProgram client, FakeProvider provider, List<String> ollamaFixtures) {
    SmokePlan plan = SmokePlan.empty(provider);
    for (String fixture : ollamaFixtures) {
      plan.aiCall(Fixtures.named(fixture), OLLAMA_BOX, client.plain(), "ollama");
    }
    for (String fixture : ANTHROPIC_FIXTURES) {
      plan.aiCall(Fixtures.named(fixture), ANTHROPIC_RELAY, client.plain(), RELAY_PROVIDER);
      plan.aiCall(Fixtures.named(fixture), UNKNOWN_ANTHROPIC_GATEWAY, client.plain(), "anthropic_compatible");
    }
    plan.ordinaryCall("POST", CHAT_SERVICE, "/v1/messages", client.plain());
    // Ollama's model list is no AI call, though it is under the configured base URL
    plan.ordinaryCall("GET", OLLAMA_BOX, "/api/tags", client.plain());
    return plan;
  }
}
