package io.aitap.smoke;

import static io.aitap.smoke.CallChecks.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * A Spring AI 1.1 service on Spring Boot 3.5, packaged as an executable jar, run with and without
 * the agent: its libraries sit in nested jars, so the agent's taps must work from Spring Boot's
 * class loader. A plain chat goes through RestClient on Apache HttpClient 5, a streamed one through
 * WebClient on Reactor Netty, and one the provider refuses with a 429.
 */
class SpringAiSmokeTest {

  private static final Path APP = Paths.get(System.getProperty("aitap.smoke.apps"), "spring-ai-1.1", "target",
      "spring-ai-app.jar");
  private static final List<String> FIXTURES =
      List.of("openai-chat.json", "openai-chat-stream.sse", "openai-error-429.json");
  private static final String HOST = "api.openai.com";
  private static final Duration TELEMETRY_WAIT = Duration.ofSeconds(10);

  @TestFactory
  Stream<DynamicContainer> springAiExecutableJar() {
    return TestJdk.all().stream()
        .map(jdk -> dynamicContainer(jdk.toString(), Stream.of(jdk).flatMap(SpringAiSmokeTest::checksOn)));
  }

  private static Stream<DynamicNode> checksOn(TestJdk jdk) {
    try (FakeProvider baselineProvider = new FakeProvider();
        FakeProvider provider = new FakeProvider();
        OtlpReceiver receiver = new OtlpReceiver()) {
      List<String> baseline = reportLines(AgentJvm.executableJar(jdk, APP).withoutAgent()
          .run(arguments(baselineProvider)));
      List<String> withAgent = reportLines(AgentJvm.executableJar(jdk, APP).exportingTo(receiver)
          .serviceName("smoke-spring-ai").run(arguments(provider)));
      receiver.awaitSpans(span -> true, FIXTURES.size(), TELEMETRY_WAIT);
      receiver.awaitHistogram(MetricChecks.DURATION, FIXTURES.size(), TELEMETRY_WAIT);
      List<String> received = sorted(receiver.spans().stream().map(SpanShape::of));
      List<String> expected = sorted(FIXTURES.stream().map(name -> expectedSpan(name, provider)));
      String telemetry = receiver.spans().toString() + receiver.metrics();
      List<String> rejected = receiver.rejected();
      return Stream.of(
          dynamicTest("Spring AI got its answers and the refusal", () -> answered(baseline)),
          dynamicTest("Spring AI sees the same with the agent as without", () -> assertEquals(baseline, withAgent)),
          dynamicTest("one span per HTTP exchange, each as its fixture implies",
              () -> assertEquals(String.join("\n", expected), String.join("\n", received))),
          dynamicTest("telemetry carries no API key",
              () -> assertFalse(telemetry.contains(SmokePlan.API_KEY), "the API key was exported")),
          dynamicTest("the receiver could decode every export",
              () -> assertNone(rejected, "exports the OTLP receiver rejected")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] arguments(FakeProvider provider) {
    return new String[] {
      "--spring.ai.openai.base-url=https://" + HOST + ":" + provider.httpsPort(),
      "--spring.ai.openai.api-key=" + SmokePlan.API_KEY
    };
  }

  private static String expectedSpan(String fixtureName, FakeProvider provider) {
    Fixture fixture = Fixtures.named(fixtureName);
    return SpanShape.expected(fixture, AiRequest.of(fixture), GenAiNames.providerName(fixture), HOST,
        provider.httpsPort()).toString();
  }

  /** Guards the comparison: a run where nothing worked would otherwise equal another such run. */
  private static void answered(List<String> reports) {
    assertEquals(FIXTURES.size(), reports.size(), "one report per call: " + reports);
    assertTrue(reports.get(0).startsWith("REPORT call text=") && reports.get(0).contains("prompt_tokens=19"),
        reports.get(0));
    assertTrue(reports.get(1).startsWith("REPORT stream text=") && !reports.get(1).startsWith("REPORT stream text= "),
        reports.get(1));
    assertTrue(reports.get(2).startsWith("REPORT refused threw "), reports.get(2));
  }

  private static List<String> reportLines(AgentJvm.Result result) {
    return result.stdout.lines().filter(line -> line.startsWith("REPORT ")).collect(Collectors.toList());
  }

  private static List<String> sorted(Stream<?> shapes) {
    return shapes.map(Object::toString).sorted().collect(Collectors.toList());
  }
}
