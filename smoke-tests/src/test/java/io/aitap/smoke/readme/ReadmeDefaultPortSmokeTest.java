package io.aitap.smoke.readme;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.aitap.smoke.harness.OtlpReceiver;
import io.aitap.smoke.harness.TestJdk;
import java.io.IOException;
import java.net.BindException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README-defaults tier with no OpenTelemetry setting at all: telemetry goes as OTLP
 * {@code http/protobuf} to {@code http://localhost:4318}. The one test that listens on that fixed
 * port; a port already taken fails the test rather than skipping it.
 */
class ReadmeDefaultPortSmokeTest {

  private static final int OTLP_HTTP_PORT = 4318;

  @TestFactory
  Stream<DynamicTest> noSettingsAtAll() {
    return TestJdk.all().stream().map(jdk -> dynamicTest(jdk + ": a collector on localhost:4318", () -> {
      try (OtlpReceiver collector = defaultPortReceiver()) {
        ReadmeJvm.Run run = ReadmeJvm.callAndExit(jdk, Map.of());

        ReadmeDefaultsSmokeTest.assertDelivered(collector, run, "unknown_service:java");
      }
    }));
  }

  private static OtlpReceiver defaultPortReceiver() throws IOException {
    try {
      return new OtlpReceiver(OTLP_HTTP_PORT);
    } catch (BindException e) {
      throw new AssertionError("port " + OTLP_HTTP_PORT + " on 127.0.0.1 is taken (a collector running here?):"
          + " this test needs it to prove OTLP's default endpoint", e);
    }
  }
}
