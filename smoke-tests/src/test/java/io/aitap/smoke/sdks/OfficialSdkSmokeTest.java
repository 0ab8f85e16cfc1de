package io.aitap.smoke.sdks;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.MetricChecks;
import io.aitap.smoke.replay.SdkProgram;
import io.aitap.smoke.replay.SmokeRun;
import io.aitap.smoke.replay.SpanChecks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Applications written against official AI SDKs and frameworks, nothing of aitap in them, on each
 * test JDK: a real JVM with the real agent jar against the fake provider, compared with the same
 * program without the agent and with what the OTLP receiver got — one span per HTTP exchange. Plain
 * HTTP clients calling an OpenAI-compatible relay the way applications do are checked the same way.
 */
class OfficialSdkSmokeTest {

  @TestFactory
  Stream<DynamicContainer> eachSdkUnderTheAgent() {
    return eachOnEachJdk(SdkProgram.sdks());
  }

  @TestFactory
  Stream<DynamicContainer> plainClientsCallingARelay() {
    return eachOnEachJdk(SdkProgram.relayClients());
  }

  private static Stream<DynamicContainer> eachOnEachJdk(List<SdkProgram> programs) {
    return TestJdk.all().stream()
        .map(jdk -> dynamicContainer(jdk.toString(), programs.stream()
            .map(program -> dynamicContainer(program.toString(), checksOf(jdk, program)))));
  }

  /** Lazy: the JVMs start when JUnit reaches this container, and a failed run fails the container. */
  private static Stream<DynamicNode> checksOf(TestJdk jdk, SdkProgram program) {
    return Stream.of(jdk).flatMap(j -> {
      SmokeRun run = program.run(j);
      return Stream.of(
          dynamicContainer("the application does not notice the agent", program.applicationChecks(run).stream()),
          dynamicContainer("spans", SpanChecks.of(run).stream()),
          dynamicContainer("metrics", MetricChecks.of(run).stream()));
    });
  }
}
