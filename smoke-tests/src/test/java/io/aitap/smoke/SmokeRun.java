package io.aitap.smoke;

import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlannedCall;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client program run twice on one JDK with the same plan: once without the agent (the
 * baseline: what the application sees on its own) and once with it, exporting to a fresh OTLP
 * receiver. Keeps what both runs saw and what was exported, for the checks to judge.
 */
final class SmokeRun {

  private static final Duration TELEMETRY_WAIT = Duration.ofSeconds(5);

  final TestJdk jdk;
  final ClientProgram client;
  final String serviceName;
  final SmokePlan baselinePlan;
  final SmokePlan plan;
  final Map<String, CallReport> baseline;
  final Map<String, CallReport> withAgent;
  final Map<String, FakeProvider.Exchange> baselineExchanges;
  final Map<String, FakeProvider.Exchange> exchanges;
  final List<ReceivedSpan> spans;
  final List<Metric> metrics;
  final List<String> rejectedExports;
  /** Everything exported, as text; see {@link OtlpReceiver#exports()}. */
  final List<String> exports;
  final String agentStderr;

  private SmokeRun(TestJdk jdk, ClientProgram client) throws IOException {
    this.jdk = jdk;
    this.client = client;
    this.serviceName = "smoke-" + client.mainClass().getSimpleName();
    String traceparent = randomTraceparent();
    try (FakeProvider baselineProvider = new FakeProvider();
        FakeProvider provider = new FakeProvider();
        OtlpReceiver receiver = new OtlpReceiver()) {
      baselinePlan = SmokePlan.of(client, baselineProvider, traceparent);
      plan = SmokePlan.of(client, provider, traceparent);
      baseline = new AgentJvm(jdk, client.mainClass()).libraries(client.libraries()).withoutAgent()
          .serviceName(serviceName)
          .run(baselinePlan).reports();
      AgentJvm.Result agentRun = new AgentJvm(jdk, client.mainClass()).libraries(client.libraries())
          .exportingTo(receiver).serviceName(serviceName)
          .run(plan);
      withAgent = agentRun.reports();
      agentStderr = agentRun.stderr;
      baselineExchanges = exchanges(baselinePlan, baselineProvider);
      exchanges = exchanges(plan, provider);
      int aiCalls = plan.aiCalls().size();
      receiver.awaitSpans(span -> true, aiCalls, TELEMETRY_WAIT);
      receiver.awaitHistogram(MetricChecks.DURATION, aiCalls, TELEMETRY_WAIT);
      spans = receiver.spans();
      metrics = receiver.metrics();
      rejectedExports = receiver.rejected();
      exports = receiver.exports();
    }
  }

  static SmokeRun execute(TestJdk jdk, ClientProgram client) {
    try {
      return new SmokeRun(jdk, client);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, FakeProvider.Exchange> exchanges(SmokePlan plan, FakeProvider provider) {
    Map<String, FakeProvider.Exchange> exchanges = new HashMap<>();
    for (PlannedCall call : plan.calls()) {
      FakeProvider.Exchange exchange = provider.exchange(call.id());
      if (exchange != null) {
        exchanges.put(call.id(), exchange);
      }
    }
    return exchanges;
  }

  private static String randomTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("00-%016x%016x-%016x-01", random.nextLong() | 1, random.nextLong(), random.nextLong() | 1);
  }

  /** The end of the agent JVM's stderr, for failure messages. */
  String agentStderrTail() {
    int keep = 4000;
    return agentStderr.length() <= keep ? agentStderr : "…" + agentStderr.substring(agentStderr.length() - keep);
  }

  @Override
  public String toString() {
    return client + " on " + jdk;
  }
}
