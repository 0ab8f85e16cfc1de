package io.aitap.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AitapConfigTest {

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    Properties properties = new Properties();
    properties.setProperty("aitap.path-detection.enabled", "true");
    AitapConfig config =
        new AitapConfig(properties, Map.of("AITAP_PATH_DETECTION_ENABLED", "false", "AITAP_ENABLED", "false"));

    assertTrue(config.pathDetection());
    assertFalse(config.enabled());
  }

  @Test
  void openTelemetrySettingsAreReadByTheSameRule() {
    Properties properties = new Properties();
    properties.setProperty("otel.service.name", "checkout");
    Map<String, String> environment = Map.of("OTEL_SERVICE_NAME", "search", "AITAP_ENDPOINTS", "https://llm.example/v1");

    assertEquals("checkout", new AitapConfig(properties, environment).serviceName());
    assertEquals("search", new AitapConfig(new Properties(), environment).serviceName());
    assertEquals("https://llm.example/v1", new AitapConfig(properties, environment).endpoints());
  }

  @Test
  void theExitSummaryIsOffAndUngroupedWithoutSlosUnlessAsked() {
    AitapConfig unset = new AitapConfig(new Properties(), Map.of());
    assertFalse(unset.summaryEnabled());
    assertNull(unset.summaryGroupBy());
    assertNull(unset.sloFile());

    AitapConfig asked = new AitapConfig(new Properties(),
        Map.of("AITAP_SUMMARY_ENABLED", "true", "AITAP_SUMMARY_GROUP_BY", "team", "AITAP_SLO_FILE", "slo.yaml"));
    assertTrue(asked.summaryEnabled());
    assertEquals("team", asked.summaryGroupBy());
    assertEquals("slo.yaml", asked.sloFile());
  }

  @Test
  void environmentNamesFollowTheOpenTelemetryRule() {
    assertEquals("AITAP_INSTRUMENTATION_JDK_HTTPCLIENT_ENABLED",
        AitapConfig.environmentName("aitap.instrumentation.jdk-httpclient.enabled"));
  }

  @Test
  void blankValuesCountAsUnset() {
    Properties properties = new Properties();
    properties.setProperty("aitap.endpoints", "  ");
    AitapConfig config = new AitapConfig(properties, Map.of());

    assertNull(config.get("aitap.endpoints"));
    assertTrue(config.enabled());
    assertFalse(config.debug());
    assertTrue(config.instrumentationEnabled("urlconnection"));
  }

  @Test
  void durationsAreReadAsOpenTelemetryWritesThem() {
    assertNull(new AitapConfig(new Properties(), Map.of()).shutdownTimeout());
    assertEquals(Duration.ofMillis(2500), shutdownTimeout("2500"));
    assertEquals(Duration.ofMillis(300), shutdownTimeout("300ms"));
    assertEquals(Duration.ofSeconds(3), shutdownTimeout("3s"));
    assertEquals(Duration.ofMinutes(1), shutdownTimeout("1m"));
    assertEquals(Duration.ZERO, shutdownTimeout("0"));
    assertNull(shutdownTimeout("soon"));
    assertNull(shutdownTimeout("-5"));
  }

  private static Duration shutdownTimeout(String value) {
    return new AitapConfig(new Properties(), Map.of("AITAP_SHUTDOWN_TIMEOUT", value)).shutdownTimeout();
  }

  @Test
  void aPositiveNumberFallsBackToItsDefaultWhenItIsNotOne() {
    Map<String, String> environment = Map.of("AITAP_A", "7", "AITAP_B", "0", "AITAP_C", "-3", "AITAP_D", "lots");
    AitapConfig config = new AitapConfig(new Properties(), environment);

    assertEquals(7, config.getPositiveInt("aitap.a", 100));
    assertEquals(100, config.getPositiveInt("aitap.b", 100));
    assertEquals(100, config.getPositiveInt("aitap.c", 100));
    assertEquals(100, config.getPositiveInt("aitap.d", 100));
    assertEquals(100, config.getPositiveInt("aitap.unset", 100));
  }

  @Test
  void aListKeepsItsOrderAndDropsBlanksAndRepeats() {
    AitapConfig config = new AitapConfig(new Properties(), Map.of("AITAP_TEAMS", " team , ,cost_center,team,"));

    assertEquals(java.util.List.of("team", "cost_center"), new java.util.ArrayList<>(config.getList("aitap.teams")));
    assertTrue(config.getList("aitap.unset").isEmpty());
  }
}
