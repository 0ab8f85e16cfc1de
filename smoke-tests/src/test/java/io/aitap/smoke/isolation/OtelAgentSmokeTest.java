package io.aitap.smoke.isolation;

import static io.aitap.smoke.replay.CallChecks.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.DaemonThreads;
import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.ReceivedSpan;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.CallChecks;
import io.aitap.smoke.replay.ClientProgram;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.SmokePlan;
import io.aitap.smoke.replay.SmokeRun;
import io.aitap.smoke.replay.SpanPairing;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * aitap beside the OpenTelemetry Java agent, whose {@code -javaagent} flag comes first or last,
 * with every client aitap taps: the application's results are those of a run without either
 * agent; the OpenTelemetry agent still exports its own spans and metrics (to the same receiver,
 * told apart by its resource); and the span of each AI call joins the trace the call went out
 * with: it is the child of the span whose context the request carried on the wire, as the provider
 * received it — the HTTP client span, or for the AWS SDK the SDK's span (in X-Ray's header).
 */
class OtelAgentSmokeTest {

  private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
  /**
   * The AWS SDK span's context, which the OpenTelemetry agent's AWS SDK instrumentation sends in
   * X-Ray's header; it traces no HTTP client span below the SDK's Netty client.
   */
  private static final Pattern XRAY = Pattern.compile("Root=1-([0-9a-f]{8})-([0-9a-f]{24});Parent=([0-9a-f]{16});Sampled=[01]");
  /** A plain call, a stream, another provider's API and an error answer. */
  private static final List<String> FIXTURES =
      List.of("openai-chat.json", "openai-chat-stream.sse", "anthropic-messages.json", "openai-error-429.json");

  /** The OpenTelemetry agent alone may take a minute to start on a loaded machine. */
  private static final Duration TWO_AGENTS_TIMEOUT = Duration.ofMinutes(6);

  /** Runs go ahead two at a time: each is three JVMs, two of them with two agents starting up. */
  private static final ExecutorService RUNS = Executors.newFixedThreadPool(2, DaemonThreads.named("otel-agent-run"));

  @TestFactory
  Stream<DynamicContainer> besideTheOpenTelemetryAgent() {
    List<DynamicContainer> jdks = new ArrayList<>();
    for (TestJdk jdk : TestJdk.all()) {
      List<DynamicContainer> clients = new ArrayList<>();
      for (ClientProgram client : ClientProgram.everyTapped()) {
        clients.add(dynamicContainer(client.toString(), Stream.of(
            started(jdk, client, true), started(jdk, client, false))));
      }
      jdks.add(dynamicContainer(jdk.toString(), clients));
    }
    return jdks.stream();
  }

  /** Time the OpenTelemetry agent gets after the last call to end its client spans (see {@link PlanRunner#LINGER_PROPERTY}). */
  private static final String OTEL_AGENT_SPANS_END_MS = "500";

  /** The run starts now, on the pool; its checks wait for it. */
  private static DynamicContainer started(TestJdk jdk, ClientProgram client, boolean otelAgentFirst) {
    String order = otelAgentFirst
        ? "-javaagent:opentelemetry-javaagent.jar before -javaagent:aitap-agent.jar"
        : "-javaagent:aitap-agent.jar before -javaagent:opentelemetry-javaagent.jar";
    CompletableFuture<SmokeRun> run = CompletableFuture.supplyAsync(
        () -> SmokeRun.execute(jdk, client, OtelAgentSmokeTest::plan, "(" + order + ")",
            jvm -> jvm.besideAgent(AgentJvm.openTelemetryAgent(), otelAgentFirst).timeout(TWO_AGENTS_TIMEOUT)
                .systemProperty(PlanRunner.LINGER_PROPERTY, OTEL_AGENT_SPANS_END_MS)),
        RUNS);
    return dynamicContainer(order, Stream.of(run).flatMap(r -> checksOf(SmokeRun.join(r))));
  }

  private static SmokePlan plan(ClientProgram client, FakeProvider provider, String traceparent) {
    boolean bedrock = client.mainClass().getSimpleName().startsWith("Bedrock");
    return SmokePlan.ofFixtures(client, provider,
        bedrock ? Fixtures.bedrockConverse() : FIXTURES.stream().map(Fixtures::named).collect(Collectors.toList()));
  }

  private static Stream<DynamicNode> checksOf(SmokeRun run) {
    return Stream.of(
        dynamicContainer("the application notices neither agent", CallChecks.ofSdk(run).stream()),
        dynamicTest("the OpenTelemetry agent runs, and exports its own spans and metrics", () -> otelAgentWorks(run)),
        dynamicTest("the OpenTelemetry agent traces the application's calls and none of aitap's exports",
            () -> otelAgentSpansAreTheApplications(run)),
        dynamicTest("each AI call carries on the wire the context of a client span of the OpenTelemetry agent",
            () -> wireContextIsOtelAgentsSpan(run)),
        dynamicTest("aitap's span of each AI call is the child of that span", () -> aiSpanJoinsWireContext(run)));
  }

  private static void otelAgentWorks(SmokeRun run) {
    assertTrue(run.agentStderr.contains("opentelemetry-javaagent - version: " + AgentJvm.openTelemetryAgentVersion()),
        () -> "the OpenTelemetry agent did not start:\n" + run.agentStderrTail());
    assertFalse(otelAgentSpans(run).isEmpty(), () -> "no span from the OpenTelemetry agent\n" + run.agentStderrTail());
    List<String> names = run.metrics.stream().map(Metric::getName).distinct().collect(Collectors.toList());
    List<String> expected = new ArrayList<>(List.of("jvm.memory.used"));
    boolean httpTraced = run.plan.aiCalls().stream()
        .anyMatch(ai -> headersOf(run, ai.call).containsKey("traceparent"));
    if (httpTraced) {
      expected.add("http.client.request.duration");
    }
    assertTrue(names.containsAll(expected), () -> "metrics of the OpenTelemetry agent: expected " + expected
        + " among " + names);
    assertFalse(run.agentStderr.contains("GlobalOpenTelemetry.set has already been called"),
        () -> "something took the global OpenTelemetry before the OpenTelemetry agent:\n" + run.agentStderrTail());
  }

  /**
   * Every HTTP client span of the OpenTelemetry agent is one of the application's calls (aitap's
   * exports go through its own relocated OkHttp, which the OpenTelemetry agent must not see), and
   * there is one for each call.
   */
  private static void otelAgentSpansAreTheApplications(SmokeRun run) {
    List<String> strays = new ArrayList<>();
    List<ReceivedSpan> clientSpans = new ArrayList<>();
    for (ReceivedSpan span : otelAgentSpans(run)) {
      if (!span.kind().equals("CLIENT")) {
        continue;
      }
      clientSpans.add(span);
      if (!isOneOfTheApplications(run, span)) {
        strays.add(span.toString());
      }
    }
    assertNone(strays, "client spans of the OpenTelemetry agent for no call of the application");
    assertTrue(clientSpans.size() >= run.plan.calls().size(),
        () -> clientSpans.size() + " HTTP client spans of the OpenTelemetry agent for " + run.plan.calls().size()
            + " calls: " + clientSpans);
  }

  private static void wireContextIsOtelAgentsSpan(SmokeRun run) {
    Map<String, ReceivedSpan> otelSpans = otelAgentSpansById(run);
    List<String> wrong = new ArrayList<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      String[] context = wireContext(run, ai.call);
      if (context == null) {
        wrong.add(ai.call + ": no trace context on the wire among " + headersOf(run, ai.call).keySet());
        continue;
      }
      ReceivedSpan span = otelSpans.get(context[1]);
      if (span == null || !span.kind().equals("CLIENT") || !span.traceId().equals(context[0])
          || !isOneOfTheApplications(run, span)) {
        wrong.add(ai.call + ": the wire's span " + context[1] + " is " + span);
      }
    }
    assertNone(wrong, "AI calls that went out without an HTTP client span's context of the OpenTelemetry agent");
  }

  private static void aiSpanJoinsWireContext(SmokeRun run) {
    List<ReceivedSpan> aitaps = run.spans.stream().filter(ReceivedSpan::isAitaps).collect(Collectors.toList());
    Map<SmokePlan.AiCall, ReceivedSpan> pairs = SpanPairing.inCallOrder(run.plan.aiCalls(), aitaps);
    assertEquals(run.plan.aiCalls().size(), pairs.size(),
        () -> "aitap's spans do not pair with the AI calls: " + aitaps + "\n" + run.agentStderrTail());
    List<String> wrong = new ArrayList<>();
    for (SmokePlan.AiCall ai : run.plan.aiCalls()) {
      String[] context = wireContext(run, ai.call);
      ReceivedSpan span = pairs.get(ai);
      String expected = context == null ? "(no context on the wire)" : context[0] + "/" + context[1];
      String actual = span.traceId() + "/" + span.parentSpanId();
      if (!actual.equals(expected)) {
        wrong.add(ai.call + ": aitap's span has trace/parent " + actual + ", the wire " + expected);
      }
    }
    assertNone(wrong, "aitap's spans that are not children of the context their call went out with");
  }

  /**
   * A client span of the application's calls: to a port the program called (the AWS SDK's span
   * may name no port, its URL does).
   */
  private static boolean isOneOfTheApplications(SmokeRun run, ReceivedSpan span) {
    Object port = span.attribute("server.port");
    Object url = span.attribute("url.full");
    return run.plan.calls().stream().anyMatch(call -> port == null
        ? url != null && url.toString().contains(":" + call.uri().getPort() + "/")
        : Objects.equals((long) call.uri().getPort(), port));
  }

  /** The trace id and span id of the context the provider received with the call, or null. */
  private static String[] wireContext(SmokeRun run, PlannedCall call) {
    Map<String, List<String>> headers = headersOf(run, call);
    List<String> values = headers.getOrDefault("traceparent", List.of());
    if (values.size() == 1) {
      Matcher matcher = TRACEPARENT.matcher(values.get(0));
      return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }
    List<String> xray = headers.getOrDefault("x-amzn-trace-id", List.of());
    Matcher matcher = xray.size() == 1 ? XRAY.matcher(xray.get(0)) : null;
    return matcher != null && matcher.matches()
        ? new String[] {matcher.group(1) + matcher.group(2), matcher.group(3)}
        : null;
  }

  private static Map<String, List<String>> headersOf(SmokeRun run, PlannedCall call) {
    FakeProvider.Exchange exchange = run.exchanges.get(call.id());
    Map<String, List<String>> headers = new HashMap<>();
    if (exchange != null) {
      exchange.requestHeaders.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    }
    return headers;
  }

  private static List<ReceivedSpan> otelAgentSpans(SmokeRun run) {
    return run.spans.stream().filter(ReceivedSpan::isOpenTelemetryAgents).collect(Collectors.toList());
  }

  private static Map<String, ReceivedSpan> otelAgentSpansById(SmokeRun run) {
    Map<String, ReceivedSpan> byId = new HashMap<>();
    for (ReceivedSpan span : otelAgentSpans(run)) {
      byId.put(span.spanId(), span);
    }
    return byId;
  }
}
