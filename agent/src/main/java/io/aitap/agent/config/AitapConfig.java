package io.aitap.agent.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * aitap's own settings: {@code -Daitap.x.y=…} wins over the environment variable {@code AITAP_X_Y}
 * (dots and dashes become underscores), as OpenTelemetry does for {@code otel.*}.
 */
public final class AitapConfig {

  private final Properties properties;
  private final Map<String, String> environment;

  public AitapConfig(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  public static AitapConfig fromSystem() {
    return new AitapConfig(System.getProperties(), System.getenv());
  }

  public String get(String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      value = environment.get(environmentName(key));
    }
    if (value == null) {
      return null;
    }
    value = value.trim();
    return value.isEmpty() ? null : value;
  }

  public String get(String key, String defaultValue) {
    String value = get(key);
    return value == null ? defaultValue : value;
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String value = get(key);
    return value == null ? defaultValue : Boolean.parseBoolean(value);
  }

  /**
   * A duration written as OpenTelemetry writes its own: milliseconds, or a number with {@code ms},
   * {@code s} or {@code m}; {@code defaultValue} when unset, unreadable or negative.
   */
  public Duration getDuration(String key, Duration defaultValue) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    String number = value.toLowerCase(Locale.ROOT);
    long unitMillis = 1;
    if (number.endsWith("ms")) {
      number = number.substring(0, number.length() - 2);
    } else if (number.endsWith("s")) {
      number = number.substring(0, number.length() - 1);
      unitMillis = 1000;
    } else if (number.endsWith("m")) {
      number = number.substring(0, number.length() - 1);
      unitMillis = 60_000;
    }
    try {
      long amount = Long.parseLong(number.trim());
      return amount < 0 ? defaultValue : Duration.ofMillis(Math.multiplyExact(amount, unitMillis));
    } catch (NumberFormatException | ArithmeticException e) {
      return defaultValue;
    }
  }

  /** How long aitap may hold up the JVM's exit waiting for the exporters; null: unset, aitap decides. */
  public Duration shutdownTimeout() {
    return getDuration("aitap.shutdown.timeout", null);
  }

  public boolean enabled() {
    return getBoolean("aitap.enabled", true);
  }

  public boolean debug() {
    return getBoolean("aitap.debug", false);
  }

  /** Whether OpenAI-style paths ({@code …/chat/completions}) are recognised on any host. */
  public boolean pathDetection() {
    return getBoolean("aitap.path-detection.enabled", true);
  }

  /** {@code aitap.instrumentation.<name>.enabled}, default true. */
  public boolean instrumentationEnabled(String name) {
    return getBoolean("aitap.instrumentation." + name + ".enabled", true);
  }

  static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
