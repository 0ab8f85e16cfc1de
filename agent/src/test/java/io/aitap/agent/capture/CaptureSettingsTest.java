package io.aitap.agent.capture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.AiEndpoint;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Content capture is off unless turned on, everywhere or for named providers and hosts. */
class CaptureSettingsTest {

  private static final AiEndpoint OPENAI = CaptureFixtures.endpoint("api.openai.com", 443, "/v1/chat/completions");
  private static final AiEndpoint ANTHROPIC = CaptureFixtures.endpoint("api.anthropic.com", 443, "/v1/messages");

  private static CaptureSettings settings(Map<String, String> properties, Map<String, String> environment) {
    Properties props = new Properties();
    props.putAll(properties);
    return CaptureSettings.fromConfig(new AitapConfig(props, environment));
  }

  @Test
  void offByDefaultNoCallGetsACollector() {
    CaptureSettings settings = settings(Map.of(), Map.of());
    assertSame(CaptureSettings.OFF, settings);
    assertNull(settings.newCallContent(OPENAI));
    assertNull(settings.newCallContent(ANTHROPIC));
  }

  @Test
  void theOpenTelemetrySwitchTurnsItOnEverywhere() {
    CaptureSettings fromEnvironment =
        settings(Map.of(), Map.of("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true"));
    assertTrue(fromEnvironment.capturesFor(OPENAI) && fromEnvironment.capturesFor(ANTHROPIC));
    CaptureSettings fromProperty = settings(Map.of(CaptureSettings.OTEL_SWITCH, "true"), Map.of());
    assertTrue(fromProperty.capturesFor(OPENAI));
    assertFalse(settings(Map.of(CaptureSettings.OTEL_SWITCH, "false"), Map.of()).capturesFor(OPENAI));
  }

  @Test
  void providersAndHostsCanBeNamedAlone() {
    CaptureSettings byProvider = settings(Map.of("aitap.capture.providers", " Anthropic "), Map.of());
    assertTrue(byProvider.capturesFor(ANTHROPIC));
    assertFalse(byProvider.capturesFor(OPENAI));
    CaptureSettings byHost = settings(Map.of(), Map.of("AITAP_CAPTURE_PROVIDERS", "api.openai.com"));
    assertTrue(byHost.capturesFor(OPENAI));
    assertFalse(byHost.capturesFor(ANTHROPIC));
  }
}
