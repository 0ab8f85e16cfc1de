package io.aitap.agent.config;

import io.aitap.agent.AgentLog;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * aitap's settings, its own {@code aitap.*} and the OpenTelemetry ones it reads besides the SDK: a
 * system property {@code -Dx.y=…} wins over the environment variable {@code X_Y} (dots and dashes
 * become underscores), as OpenTelemetry reads {@code otel.*}. This is the one place that rule is
 * written.
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

  /** The value of {@code key}, trimmed; null when unset or blank. */
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
   * A positive whole number; {@code defaultValue} when unset, and with a warning when it is not one,
   * so that a mistyped cap never passes silently.
   */
  public int getPositiveInt(String key, int defaultValue) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // warned below, as a number that is not positive is
    }
    AgentLog.warn(key + " is not a positive number: " + value + "; using " + defaultValue, null);
    return defaultValue;
  }

  /** The comma-separated items of {@code key}, trimmed, blanks dropped, in their order, each once. */
  public Set<String> getList(String key) {
    Set<String> items = new LinkedHashSet<>();
    String value = get(key);
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
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

  /** {@code otel.service.name}, as OpenTelemetry reads it; null when unset. */
  public String serviceName() {
    return get("otel.service.name");
  }

  /** {@code aitap.endpoints}: the AI endpoints the user names, as written; null when unset. */
  public String endpoints() {
    return get("aitap.endpoints");
  }

  /** {@code aitap.pricing.file}: price files, comma-separated; null when unset. */
  public String pricingFiles() {
    return get("aitap.pricing.file");
  }

  /** {@code aitap.pricing.aliases}: {@code name=model} pairs, comma-separated; null when unset. */
  public String pricingAliases() {
    return get("aitap.pricing.aliases");
  }

  /** {@code aitap.summary.enabled}: whether the exit summary is printed on stderr; default false. */
  public boolean summaryEnabled() {
    return getBoolean("aitap.summary.enabled", false);
  }

  /** {@code aitap.summary.group-by}: the attribution key whose values group the exit summary; null when unset. */
  public String summaryGroupBy() {
    return get("aitap.summary.group-by");
  }

  /** {@code aitap.slo.file}: the slo.yaml the exit summary checks; null when unset. */
  public String sloFile() {
    return get("aitap.slo.file");
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
