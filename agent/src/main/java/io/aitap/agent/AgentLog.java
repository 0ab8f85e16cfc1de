package io.aitap.agent;

import java.io.PrintStream;

/**
 * aitap's own voice: one startup line, one line when something is wrong, the rest only with
 * {@code aitap.debug=true}. Plain stderr, because the application's logging is not ours to touch.
 */
public final class AgentLog {

  private static final PrintStream OUT = System.err;
  private static volatile boolean debug;

  private AgentLog() {}

  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  public static boolean isDebug() {
    return debug;
  }

  public static void info(String message) {
    OUT.println("[aitap] " + message);
  }

  public static void warn(String message, Throwable cause) {
    OUT.println("[aitap] " + message + (cause == null ? "" : ": " + cause));
    if (debug && cause != null) {
      cause.printStackTrace(OUT);
    }
  }

  public static void debug(String message) {
    if (debug) {
      OUT.println("[aitap] debug: " + message);
    }
  }

  public static void debug(String message, Throwable cause) {
    if (debug) {
      OUT.println("[aitap] debug: " + message + ": " + cause);
      cause.printStackTrace(OUT);
    }
  }
}
