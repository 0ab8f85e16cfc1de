package io.aitap.smoke.readme;

import io.aitap.smoke.clients.JdkHttpClientProgram;
import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.ClientProgram;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.SmokePlan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The README-defaults tier's application and the JVM it runs in: a program that makes five AI
 * calls through {@code java.net.http.HttpClient} and exits as soon as the last one ends, started
 * with the real agent jar and no OpenTelemetry or aitap setting but those the test gives — the ones
 * the README shows.
 */
final class ReadmeJvm {

  static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
  /** The line aitap prints when telemetry could not be delivered before the JVM exited. */
  static final String NOT_DELIVERED = "[aitap] telemetry not delivered at exit";

  private static final List<String> FIXTURES = List.of(
      "openai-chat.json", "openai-chat-stream.sse", "anthropic-messages.json",
      "anthropic-messages-stream.sse", "gemini-generate.json");

  /** What the run printed, and how long the whole process took. */
  static final class Run {
    final AgentJvm.Result result;
    final long millis;

    Run(AgentJvm.Result result, long millis) {
      this.result = result;
      this.millis = millis;
    }

    String stderr() {
      return result.stderr;
    }

    /** The agent's startup line. */
    String startupLine() {
      return lines(line -> line.startsWith("[aitap] aitap ") && line.contains(" started: ")).stream()
          .findFirst().orElseThrow(() -> new AssertionError("no startup line\n" + result.output()));
    }

    /** How long aitap waited on the exporters, as its "not delivered" line says. */
    long notDeliveredBoundMillis() {
      Matcher bound = Pattern.compile("within (\\d+) ms").matcher(
          lines(line -> line.startsWith(NOT_DELIVERED)).get(0));
      if (!bound.find()) {
        throw new AssertionError("no bound in the line\n" + result.output());
      }
      return Long.parseLong(bound.group(1));
    }

    long notDeliveredLines() {
      return lines(line -> line.startsWith(NOT_DELIVERED)).size();
    }

    private List<String> lines(Predicate<String> matching) {
      return result.stderr.lines().filter(matching).collect(Collectors.toList());
    }
  }

  private ReadmeJvm() {}

  static SmokePlan plan(FakeProvider provider) {
    return SmokePlan.ofFixtures(ClientProgram.jdkHttpClient(), provider,
        FIXTURES.stream().map(Fixtures::named).collect(Collectors.toList()));
  }

  /** A JVM with the agent and these settings alone, running {@code program}. */
  static AgentJvm with(TestJdk jdk, Class<?> program, Map<String, String> environment) {
    AgentJvm jvm = new AgentJvm(jdk, program).withOnlyTheGivenSettings();
    environment.forEach(jvm::environment);
    return jvm;
  }

  /** Runs the five calls with these settings, to the JVM's exit, and times the whole process. */
  static Run callAndExit(TestJdk jdk, Map<String, String> environment) throws IOException {
    try (FakeProvider provider = new FakeProvider()) {
      SmokePlan plan = plan(provider);
      long start = System.nanoTime();
      AgentJvm.Result result = with(jdk, JdkHttpClientProgram.class, environment).run(plan);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (result.reports().size() != plan.calls().size()) {
        throw new AssertionError("the program did not make its " + plan.calls().size() + " calls\n" + result.output());
      }
      return new Run(result, millis);
    }
  }

  static int calls() {
    return FIXTURES.size();
  }
}
