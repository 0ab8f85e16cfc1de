package io.aitap.smoke.replay;

import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.DaemonThreads;
import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.OtlpReceiver;
import io.aitap.smoke.harness.ReceivedSpan;
import io.aitap.smoke.harness.TestJdk;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One client program run twice on one JDK with the same plan: once without the agent (the
 * baseline: what the application sees on its own) and once with it, exporting to a fresh OTLP
 * receiver. Keeps what both runs saw and what was exported, for the checks to judge.
 */
public final class SmokeRun {

  private static final Duration TELEMETRY_WAIT = Duration.ofSeconds(5);
  /**
   * A whole plan, hundreds of calls, to its end. Part of it is waiting by design: the provider's
   * pacing of streams, and HttpClient 5, which by default retries a 429 once after its
   * {@code Retry-After} (Azure's says 6 s), sleeps about 50 s of every run. On a machine whose CPUs
   * are shared that leaves too little of two minutes, and the run with the agent, which also starts
   * the agent and exports, is the one cut off while still making calls.
   */
  private static final Duration PLAN_TIMEOUT = Duration.ofMinutes(5);
  private static final ExecutorService BASELINES = Executors.newCachedThreadPool(DaemonThreads.named("smoke-baseline"));

  final TestJdk jdk;
  final String program;
  final String serviceName;
  final SmokePlan baselinePlan;
  public final SmokePlan plan;
  final Map<String, CallReport> baseline;
  final Map<String, CallReport> withAgent;
  final AgentJvm.Result baselineRun;
  final AgentJvm.Result agentRun;
  final Map<String, FakeProvider.Exchange> baselineExchanges;
  public final Map<String, FakeProvider.Exchange> exchanges;
  public final List<ReceivedSpan> spans;
  public final List<Metric> metrics;
  final List<String> rejectedExports;
  /** Everything exported, as text; see {@link OtlpReceiver#exports()}. */
  public final List<String> exports;
  public final String agentStderr;

  /**
   * @param program what the failure messages call the program
   * @param libraries the jars the program runs on; null for none but the JDK's
   * @param planner the plan for a provider: the same calls, for the baseline's provider and the agent run's
   */
  private SmokeRun(TestJdk jdk, String program, Class<?> mainClass, Path libraries,
      Function<FakeProvider, SmokePlan> planner, AgentSetUp agentSetUp) throws IOException {
    this.jdk = jdk;
    this.program = program;
    this.serviceName = "smoke-" + mainClass.getSimpleName();
    try (FakeProvider baselineProvider = new FakeProvider();
        FakeProvider provider = new FakeProvider();
        OtlpReceiver receiver = new OtlpReceiver()) {
      baselinePlan = planner.apply(baselineProvider);
      plan = planner.apply(provider);
      // the two JVMs share nothing (each has its own provider), and most of their time is the
      // providers' pacing: run side by side
      CompletableFuture<AgentJvm.Result> withoutAgent = CompletableFuture.supplyAsync(
          () -> jvm(jdk, mainClass, libraries).withoutAgent().serviceName(serviceName).run(baselinePlan), BASELINES);
      agentRun = agentSetUp.apply(jvm(jdk, mainClass, libraries), provider)
          .exportingTo(receiver).serviceName(serviceName)
          .run(plan);
      baselineRun = join(withoutAgent);
      baseline = baselineRun.reports();
      withAgent = agentRun.reports();
      agentStderr = agentRun.stderr;
      baselineExchanges = exchanges(baselinePlan, baselineProvider);
      exchanges = exchanges(plan, provider);
      int aiCalls = plan.aiCalls().size();
      receiver.awaitSpans(ReceivedSpan::isAitaps, aiCalls, TELEMETRY_WAIT);
      receiver.awaitHistogram(MetricChecks.DURATION, aiCalls, TELEMETRY_WAIT);
      spans = receiver.spans();
      metrics = receiver.metrics();
      rejectedExports = receiver.rejected();
      exports = receiver.exports();
    }
  }

  /** The result of work done on another thread, failing as that work failed. */
  public static <T> T join(CompletableFuture<T> run) {
    try {
      return run.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw e;
    }
  }

  /**
   * No program may reach beyond loopback: the AWS SDK never looks for the instance metadata
   * endpoint, and Vert.x resolves names through the JDK (so the hosts file), not its own DNS client.
   */
  private static AgentJvm jvm(TestJdk jdk, Class<?> mainClass, Path libraries) {
    return new AgentJvm(jdk, mainClass).libraries(libraries)
        .timeout(PLAN_TIMEOUT)
        .systemProperty("aws.disableEc2Metadata", "true")
        .systemProperty("vertx.disableDnsResolver", "true");
  }

  /** Settings of the JVM with the agent that depend on its provider (its ports), beyond the harness's own. */
  public interface AgentSetUp {
    AgentJvm apply(AgentJvm jvm, FakeProvider provider);
  }

  /** The calls a client program makes, to a provider; {@code traceparent} is what a call may carry. */
  public interface Planner {
    SmokePlan plan(ClientProgram client, FakeProvider provider, String traceparent);
  }

  /** A client program through its full plan, the traceparent call carrying a fresh trace context. */
  public static SmokeRun execute(TestJdk jdk, ClientProgram client) {
    return execute(jdk, client, SmokePlan::of);
  }

  public static SmokeRun execute(TestJdk jdk, ClientProgram client, Planner planner) {
    return execute(jdk, client, planner, (jvm, provider) -> jvm);
  }

  public static SmokeRun execute(TestJdk jdk, ClientProgram client, Planner planner, AgentSetUp agentSetUp) {
    String traceparent = randomTraceparent();
    return execute(jdk, client.toString(), client.mainClass(), client.libraries(),
        provider -> planner.plan(client, provider, traceparent), agentSetUp);
  }

  public static SmokeRun execute(TestJdk jdk, String program, Class<?> mainClass, Path libraries,
      Function<FakeProvider, SmokePlan> planner) {
    return execute(jdk, program, mainClass, libraries, planner, (jvm, provider) -> jvm);
  }

  /**
   * Like {@link #execute(TestJdk, ClientProgram, Planner)}, the JVM with the agent set up further
   * (another Java agent beside it, say); {@code describedAs} names that set-up in failure messages.
   */
  public static SmokeRun execute(TestJdk jdk, ClientProgram client, Planner planner, String describedAs,
      UnaryOperator<AgentJvm> agentSetup) {
    String traceparent = randomTraceparent();
    return execute(jdk, client + " " + describedAs, client.mainClass(), client.libraries(),
        provider -> planner.plan(client, provider, traceparent), (jvm, provider) -> agentSetup.apply(jvm));
  }

  private static SmokeRun execute(TestJdk jdk, String program, Class<?> mainClass, Path libraries,
      Function<FakeProvider, SmokePlan> planner, AgentSetUp agentSetUp) {
    try {
      return new SmokeRun(jdk, program, mainClass, libraries, planner, agentSetUp);
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
  public String agentStderrTail() {
    int keep = 4000;
    return agentStderr.length() <= keep ? agentStderr : "…" + agentStderr.substring(agentStderr.length() - keep);
  }

  @Override
  public String toString() {
    return program + " on " + jdk;
  }
}
