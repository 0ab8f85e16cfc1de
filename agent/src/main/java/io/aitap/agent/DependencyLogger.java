package io.aitap.agent;

import java.text.MessageFormat;
import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * What aitap's relocated dependencies (the OpenTelemetry SDK and its exporters, OkHttp, protobuf)
 * get when they ask for a {@code java.util.logging.Logger}: the build rewrites their references to
 * this class, as the OpenTelemetry Java agent does with its own dependencies. Their records go
 * straight to aitap's stderr voice ({@code INFO} and above; below that with {@code aitap.debug}).
 *
 * <p>Two reasons. {@code java.util.logging} resets its handlers in a shutdown hook of its own that
 * runs concurrently with aitap's, so the {@code console} and {@code logging-otlp} exporters, which
 * write through a logger, would lose the spans and metrics of the last calls flushed at exit. And
 * the application's logging configuration stays the application's: aitap neither initialises the
 * {@code LogManager} early nor adds records to its loggers.
 *
 * <p>It answers the calls the bundled dependencies make, and only those; the smoke tests' {@code
 * AgentJarContentsTest} finds any call in the packaged jar that it would not answer.
 */
public final class DependencyLogger {

  private static final String RELOCATED = "io.aitap.shaded.";
  private static final Handler[] NO_HANDLERS = new Handler[0];

  private final String name;

  private DependencyLogger(String name) {
    this.name = name.startsWith(RELOCATED) ? name.substring(RELOCATED.length()) : name;
  }

  public static DependencyLogger getLogger(String name) {
    return new DependencyLogger(name == null ? "" : name);
  }

  public boolean isLoggable(Level level) {
    int value = level.intValue();
    return value != Level.OFF.intValue() && (value >= Level.INFO.intValue() || AgentLog.isDebug());
  }

  /** None: a caller that flushes its logger's handlers (the logging exporters do) has nothing to wait for. */
  public Handler[] getHandlers() {
    return NO_HANDLERS;
  }

  public void log(Level level, String message) {
    write(level, message, null);
  }

  public void log(Level level, String message, Throwable thrown) {
    write(level, message, thrown);
  }

  public void log(Level level, String message, Object parameter) {
    log(level, message, new Object[] {parameter});
  }

  public void log(Level level, String message, Object[] parameters) {
    if (isLoggable(level)) {
      write(level, format(message, parameters), null);
    }
  }

  public void warning(String message) {
    write(Level.WARNING, message, null);
  }

  public void info(String message) {
    write(Level.INFO, message, null);
  }

  public void fine(String message) {
    write(Level.FINE, message, null);
  }

  private void write(Level level, String message, Throwable thrown) {
    if (!isLoggable(level)) {
      return;
    }
    String line = level.getName() + " " + name + ": " + message;
    if (level.intValue() >= Level.INFO.intValue()) {
      AgentLog.warn(line, thrown);
    } else if (thrown == null) {
      AgentLog.debug(line);
    } else {
      AgentLog.debug(line, thrown);
    }
  }

  /** As java.util.logging's formatters do: parameters only replace {@code {0}}-style placeholders. */
  private static String format(String message, Object[] parameters) {
    if (message == null || parameters == null || parameters.length == 0 || !message.contains("{")) {
      return message;
    }
    try {
      return MessageFormat.format(message, parameters);
    } catch (IllegalArgumentException e) {
      return message;
    }
  }
}
