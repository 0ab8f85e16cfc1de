package io.aitap.agent.capture;

import io.aitap.agent.AgentLog;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.AiEndpoint;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether, and how much, message content is captured. Off unless the OpenTelemetry switch
 * ({@code otel.instrumentation.genai.capture-message-content}) turns it on for every call, or
 * {@code aitap.capture.providers} names the providers ({@code gen_ai.provider.name}) or server
 * addresses to capture for.
 */
public final class CaptureSettings {

  public static final String OTEL_SWITCH = "otel.instrumentation.genai.capture-message-content";
  static final int DEFAULT_MAX_CHARS_PER_MESSAGE = 4096;
  static final int DEFAULT_MAX_CHARS_PER_CALL = 16384;

  public static final CaptureSettings OFF = new CaptureSettings(false, Collections.emptySet(),
      DEFAULT_MAX_CHARS_PER_MESSAGE, DEFAULT_MAX_CHARS_PER_CALL, new Redactor(null));

  private final boolean everywhere;
  private final Set<String> targets;
  final int maxCharsPerMessage;
  final int maxCharsPerCall;
  final Redactor redactor;

  CaptureSettings(boolean everywhere, Set<String> targets, int maxCharsPerMessage, int maxCharsPerCall,
      Redactor redactor) {
    this.everywhere = everywhere;
    this.targets = targets;
    this.maxCharsPerMessage = maxCharsPerMessage;
    this.maxCharsPerCall = Math.max(maxCharsPerCall, maxCharsPerMessage);
    this.redactor = redactor;
  }

  public static CaptureSettings fromConfig(AitapConfig config) {
    Set<String> targets = new HashSet<>();
    config.getList("aitap.capture.providers").forEach(name -> targets.add(name.toLowerCase(Locale.ROOT)));
    boolean everywhere = config.getBoolean(OTEL_SWITCH, false);
    if (!everywhere && targets.isEmpty()) {
      return OFF;
    }
    return new CaptureSettings(everywhere, targets,
        config.getPositiveInt("aitap.capture.max-chars-per-message", DEFAULT_MAX_CHARS_PER_MESSAGE),
        config.getPositiveInt("aitap.capture.max-chars-per-call", DEFAULT_MAX_CHARS_PER_CALL),
        new Redactor(userPattern(config.get("aitap.capture.redact"))));
  }

  /** Whether calls to this endpoint have their content captured. */
  public boolean capturesFor(AiEndpoint endpoint) {
    return everywhere
        || targets.contains(endpoint.providerName().toLowerCase(Locale.ROOT))
        || targets.contains(endpoint.serverAddress().toLowerCase(Locale.ROOT));
  }

  /** A new collector for one call to {@code endpoint}, or null when its content is not captured. */
  public CallContent newCallContent(AiEndpoint endpoint) {
    return capturesFor(endpoint) ? new CallContent(this) : null;
  }

  private static Pattern userPattern(String regex) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      // redacting less than asked must not go unnoticed: capture nothing rather than leak
      AgentLog.warn("aitap.capture.redact is not a valid regular expression; every captured text is withheld", null);
      return Pattern.compile("(?s).+");
    }
  }
}
