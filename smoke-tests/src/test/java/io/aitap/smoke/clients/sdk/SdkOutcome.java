package io.aitap.smoke.clients.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What the application saw of one SDK call, as the SDK handed it over — the text, the usage object's
 * values, the finish reason, or the exception's class and HTTP status — printed as one stdout line,
 * so the test can compare a run with the agent with one without it.
 */
public final class SdkOutcome {

  private static final String PREFIX = "OUTCOME ";
  static final String OK = "ok";
  static final String FAILED = "failed";

  private final Map<String, Object> values = new LinkedHashMap<>();

  /** Adds one value the SDK returned; {@code Optional}s are shown unwrapped, empty ones as absent. */
  public SdkOutcome put(String name, Object value) {
    Object shown = value instanceof Optional ? ((Optional<?>) value).orElse(null) : value;
    values.put(name, shown == null ? "(absent)" : shown);
    return this;
  }

  String describe() {
    StringJoiner joined = new StringJoiner(" ");
    values.forEach((name, value) -> joined.add(name + "=" + quoted(value)));
    return joined.toString();
  }

  private static String quoted(Object value) {
    String text = String.valueOf(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    return value instanceof String ? "'" + text + "'" : text;
  }

  static String line(String id, String outcome) {
    return PREFIX + id + "\t" + outcome;
  }

  /** The outcomes among a program's stdout lines, by call id. */
  public static Map<String, String> parseAll(String stdout) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String line : stdout.split("\r?\n")) {
      if (line.startsWith(PREFIX)) {
        String[] fields = line.substring(PREFIX.length()).split("\t", 2);
        outcomes.put(fields[0], fields[1]);
      }
    }
    return outcomes;
  }

  /** Whether an outcome is an exception with this HTTP status. */
  public static boolean failedWith(String outcome, int status) {
    return outcome.startsWith(FAILED + " ") && outcome.contains(" status=" + status);
  }

  public static boolean succeeded(String outcome) {
    return outcome.startsWith(OK + " ");
  }
}
