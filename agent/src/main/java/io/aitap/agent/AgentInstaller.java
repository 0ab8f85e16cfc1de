package io.aitap.agent;

import io.aitap.agent.config.AitapConfig;
import java.lang.instrument.Instrumentation;

/** Starts aitap inside the JVM: configuration, telemetry, then the client instrumentation. */
final class AgentInstaller {

  private AgentInstaller() {}

  static void install(Instrumentation instrumentation) {
    AitapConfig config = AitapConfig.fromSystem();
    if (!config.enabled()) {
      return;
    }
    AgentLog.setDebug(config.debug());
  }
}
