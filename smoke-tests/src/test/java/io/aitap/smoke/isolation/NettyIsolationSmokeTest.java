package io.aitap.smoke.isolation;

import static io.aitap.smoke.replay.CallChecks.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.clients.nettyepoll.EpollProgram;
import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.ClientLibrary;
import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.OtlpReceiver;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.AiRequest;
import io.aitap.smoke.replay.ApiKeys;
import io.aitap.smoke.replay.Fixture;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.GenAiNames;
import io.aitap.smoke.replay.SpanShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The application's Netty stays the application's: the agent jar sits on the system class path, so
 * any Netty class, native library or version file in it would be found before, or beside, the
 * application's own. A Spring Boot 3.3 WebFlux service on the Netty 4.1 its BOM picks makes AI calls
 * through WebClient; an application on a flat class path starts Netty 4.1's native epoll transport.
 * Each must report the same Netty, load it from the same jars and get the same answers with the
 * agent as without, and the AI calls must be recorded.
 */
class NettyIsolationSmokeTest {

  private static final String APP = "webflux-netty-4.1";
  private static final String APPLICATION_NETTY = "4.1.";
  private static final List<String> FIXTURES = List.of("openai-chat.json", "openai-chat-stream.sse");
  private static final String HOST = "api.openai.com";
  private static final Duration TELEMETRY_WAIT = Duration.ofSeconds(10);

  @TestFactory
  Stream<DynamicContainer> webFluxServiceOnItsOwnNetty() {
    return TestJdk.all().stream().map(jdk -> dynamicContainer(jdk.toString(),
        Stream.of(jdk).flatMap(NettyIsolationSmokeTest::webFluxChecks)));
  }

  @TestFactory
  Stream<DynamicContainer> nativeEpollTransportOnAFlatClassPath() {
    assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
        "the application's native transport is built for Linux on x86-64");
    return TestJdk.all().stream().map(jdk -> dynamicContainer(jdk.toString(),
        Stream.of(jdk).flatMap(NettyIsolationSmokeTest::epollChecks)));
  }

  /** Lazy: the JVMs start when JUnit reaches this container. */
  private static Stream<DynamicNode> webFluxChecks(TestJdk jdk) {
    Path jar = Paths.get(System.getProperty("aitap.smoke.apps"), APP, "target", "webflux-app.jar");
    try (FakeProvider baselineProvider = new FakeProvider();
        FakeProvider provider = new FakeProvider();
        OtlpReceiver receiver = new OtlpReceiver()) {
      List<String> baseline = reportLines(AgentJvm.executableJar(jdk, jar).withoutAgent()
          .environment("OPENAI_API_KEY", ApiKeys.BEARER_TOKEN)
          .run(webFluxArguments(baselineProvider)));
      List<String> withAgent = reportLines(AgentJvm.executableJar(jdk, jar).exportingTo(receiver)
          .serviceName("smoke-" + APP)
          .environment("OPENAI_API_KEY", ApiKeys.BEARER_TOKEN)
          .run(webFluxArguments(provider)));
      receiver.awaitSpans(span -> true, FIXTURES.size(), TELEMETRY_WAIT);
      List<String> received = sorted(receiver.spans().stream().map(SpanShape::of));
      List<String> expected = sorted(FIXTURES.stream().map(name -> expectedSpan(name, provider)));
      List<String> rejected = receiver.rejected();
      return Stream.of(
          dynamicTest("without the agent, the service runs on its own Netty 4.1 and gets its answers", () -> {
            runsOnItsOwnNetty(baseline);
            answered(baseline);
          }),
          dynamicTest("with the agent, io.netty.util.Version and every Netty class are still the service's",
              () -> runsOnItsOwnNetty(withAgent)),
          dynamicTest("the service sees the same with the agent as without", () -> assertEquals(baseline, withAgent)),
          dynamicTest("one span per AI call, with its model and tokens",
              () -> assertEquals(String.join("\n", expected), String.join("\n", received))),
          dynamicTest("the receiver could decode every export",
              () -> assertNone(rejected, "exports the OTLP receiver rejected")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<DynamicNode> epollChecks(TestJdk jdk) {
    Path netty = ClientLibrary.only("netty-epoll").jars();
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      List<String> baseline = reportLines(new AgentJvm(jdk, EpollProgram.class).libraries(netty).withoutAgent().run());
      List<String> withAgent = reportLines(new AgentJvm(jdk, EpollProgram.class).libraries(netty)
          .exportingTo(receiver).run());
      return Stream.of(
          dynamicTest("without the agent, Netty 4.1's native epoll transport loads and starts", () -> {
            assertTrue(baseline.contains("REPORT epoll available=true"), baseline.toString());
            assertTrue(baseline.contains("REPORT epoll-event-loop-group started and stopped"), baseline.toString());
            assertTrue(versionsLine(baseline).contains("netty-transport-native-epoll=" + APPLICATION_NETTY),
                baseline.toString());
          }),
          dynamicTest("with the agent, the same Netty loads the same native transport",
              () -> assertEquals(baseline, withAgent)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each call's fixture and the file holding its request body, after the provider's base URL. */
  private static String[] webFluxArguments(FakeProvider provider) throws IOException {
    Path bodies = Files.createTempDirectory(
        Files.createDirectories(Paths.get(System.getProperty("aitap.smoke.work"))), "bodies-");
    List<String> arguments = new ArrayList<>();
    arguments.add("https://" + HOST + ":" + provider.httpsPort());
    for (String name : FIXTURES) {
      Path body = bodies.resolve(name + ".json");
      Files.write(body, AiRequest.of(Fixtures.named(name)).body);
      arguments.add(name + "=" + body);
    }
    return arguments.toArray(new String[0]);
  }

  /**
   * Every Netty module reports a 4.1 version, and every Netty class the client path goes through
   * came from one of the service's own nested jars, none from the agent's.
   */
  private static void runsOnItsOwnNetty(List<String> reports) {
    String versions = versionsLine(reports);
    assertTrue(versions.contains("netty-common=" + APPLICATION_NETTY), versions);
    List<String> foreignVersions = Stream.of(versions.split(","))
        .filter(module -> !module.contains("=" + APPLICATION_NETTY))
        .collect(Collectors.toList());
    assertNone(foreignVersions, "Netty modules of another version than the service's");
    List<String> origins = reports.stream().filter(line -> line.startsWith("REPORT netty-class ")).collect(Collectors.toList());
    assertFalse(origins.isEmpty(), "no Netty class reported: " + reports);
    List<String> foreignOrigins = origins.stream()
        .filter(line -> !line.matches(".* from (netty|reactor-netty)-[^ ]*\\.jar"))
        .collect(Collectors.toList());
    assertNone(foreignOrigins, "Netty classes loaded from elsewhere than the service's own jars");
  }

  /** Guards the comparison: a run where nothing worked would otherwise equal another such run. */
  private static void answered(List<String> reports) {
    List<String> calls = reports.stream().filter(line -> line.startsWith("REPORT call ")).collect(Collectors.toList());
    assertEquals(FIXTURES.size(), calls.size(), "one report per call: " + reports);
    for (String call : calls) {
      assertTrue(call.contains(" status=200 ") && !call.contains(" bytes=0 "), call);
    }
  }

  private static String versionsLine(List<String> reports) {
    String prefix = "REPORT netty-versions ";
    List<String> lines = reports.stream().filter(line -> line.startsWith(prefix)).collect(Collectors.toList());
    assertEquals(1, lines.size(), reports.toString());
    assertFalse(lines.get(0).length() == prefix.length(), "Netty reported no versions");
    return lines.get(0).substring(prefix.length());
  }

  private static String expectedSpan(String fixtureName, FakeProvider provider) {
    Fixture fixture = Fixtures.named(fixtureName);
    return SpanShape.expected(fixture, AiRequest.of(fixture), GenAiNames.providerName(fixture), HOST,
        provider.httpsPort()).toString();
  }

  private static List<String> reportLines(AgentJvm.Result result) {
    return result.stdout.lines().filter(line -> line.startsWith("REPORT ")).collect(Collectors.toList());
  }

  private static List<String> sorted(Stream<?> shapes) {
    return shapes.map(Object::toString).sorted().collect(Collectors.toList());
  }
}
