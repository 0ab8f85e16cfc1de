package io.aitap.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
