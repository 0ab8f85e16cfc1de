package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The collector built from {@code deploy/otel-collector/builder.yaml} takes both shipped
 * configurations as they are, with the feature gates on that reject the deprecated keys of their
 * exporters, and runs them without a warning (a deprecated component name, for one).
 */
class CollectorConfigsTest {

  private static final Pattern WARNING = Pattern.compile("(?i)\\t(warn|error)\\t|deprecat");

  @ParameterizedTest
  @ValueSource(strings = {"config.yaml", "config-remote-write.yaml"})
  void theCollectorValidatesTheShippedFile(String name) throws Exception {
    String output = CollectorProcess.validate(CollectorProcess.CONFIGS.resolve(name), remoteWriteUrl());
    assertEquals(List.of(), warnings(output), output);
  }

  @ParameterizedTest
  @ValueSource(strings = {"config.yaml", "config-remote-write.yaml"})
  void theCollectorRunsItWithoutAWarning(String name, @TempDir Path work) throws Exception {
    String log;
    try (CollectorProcess collector = CollectorProcess.start(work, CollectorProcess.CONFIGS.resolve(name), remoteWriteUrl(),
        CollectorProcess.DEPRECATED_KEYS_REJECTED)) {
      collector.stop();
      log = collector.log();
    }
    assertEquals(List.of(), warnings(log), log);
  }

  /** Where the remote-write configuration sends, from the environment as it expects; nothing listens there. */
  private static Map<String, String> remoteWriteUrl() throws Exception {
    return Map.of("PROMETHEUS_REMOTE_WRITE_URL", "http://127.0.0.1:" + LocalPrometheus.freeLoopbackPort() + "/api/v1/write");
  }

  private static List<String> warnings(String log) {
    return log.lines().filter(line -> WARNING.matcher(line).find()).collect(Collectors.toList());
  }
}
