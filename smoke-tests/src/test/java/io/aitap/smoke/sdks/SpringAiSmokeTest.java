package io.aitap.smoke.sdks;

import static io.aitap.smoke.replay.CallChecks.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.OtlpReceiver;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.AiRequest;
import io.aitap.smoke.replay.ApiKeys;
import io.aitap.smoke.replay.Fixture;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.GenAiNames;
import io.aitap.smoke.replay.MetricChecks;
import io.aitap.smoke.replay.SpanShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Spring AI services packaged as Spring Boot executable jars, run with and without the agent: their
 * libraries sit in nested jars, so the agent's taps must work from Spring Boot's class loader. Each
 * asks for a plain chat, a streamed one and one the provider refuses with a 429. Spring AI 1.1 on
 * Boot 3.5 sends plain calls through RestClient on Apache HttpClient 5 and streams through WebClient
 * on Reactor Netty; Spring AI 2 on Boot 4 sends both through the OpenAI Java SDK on OkHttp.
 */
class SpringAiSmokeTest {

  /**
   * The applications under src/it, each packaged to target/its/<name>/target/spring-ai-app.jar, and
   * the path of the API under their base URL: Spring AI 1.1 adds {@code /v1} itself, the OpenAI SDK
   * expects it in the base URL.
   */
  private static final Map<String, String> APPS = Map.of("spring-ai-1.1", "", "spring-ai-2.0", "/v1");
  private static final List<String> FIXTURES =
      List.of("openai-chat.json", "openai-chat-stream.sse", "openai-error-429.json");
  private static final String HOST = "api.openai.com";
  private static final Duration TELEMETRY_WAIT = Duration.ofSeconds(10);

  @TestFactory
  Stream<DynamicContainer> springAiExecutableJars() {
    return TestJdk.all().stream().map(jdk -> dynamicContainer(jdk.toString(), new TreeMap<>(APPS).keySet().stream()
        .map(app -> dynamicContainer(app, Stream.of(app).flatMap(a -> checksOf(jdk, a))))));
  }

  /** Lazy: the JVMs start when JUnit reaches this container. */
  private static Stream<DynamicNode> checksOf(TestJdk jdk, String app) {
    Path jar = Paths.get(System.getProperty("aitap.smoke.apps"), app, "target", "spring-ai-app.jar");
    try (FakeProvider baselineProvider = new FakeProvider();
        FakeProvider provider = new FakeProvider();
        OtlpReceiver receiver = new OtlpReceiver()) {
      List<String> baseline = reportLines(AgentJvm.executableJar(jdk, jar).withoutAgent()
          .run(arguments(app, baselineProvider)));
      List<String> withAgent = reportLines(AgentJvm.executableJar(jdk, jar).exportingTo(receiver)
          .serviceName("smoke-" + app).run(arguments(app, provider)));
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
              () -> assertFalse(telemetry.contains(ApiKeys.BEARER_TOKEN), "the API key was exported")),
          dynamicTest("the receiver could decode every export",
              () -> assertNone(rejected, "exports the OTLP receiver rejected")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] arguments(String app, FakeProvider provider) {
    return new String[] {
      "--spring.ai.openai.base-url=https://" + HOST + ":" + provider.httpsPort() + APPS.get(app),
      "--spring.ai.openai.api-key=" + ApiKeys.BEARER_TOKEN
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
