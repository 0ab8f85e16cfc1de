package io.aitap.agent;

import io.aitap.agent.config.AitapConfig;
import java.lang.instrument.Instrumentation;

/**
 * Entry point for {@code -javaagent:aitap-agent.jar} and for attaching to a running JVM. Whatever
 * goes wrong here costs the application one line on stderr and nothing else.
 *
 * <p>This class must not name any {@code io.aitap.bootstrap} type: those have to be loaded by the
 * bootstrap loader, which only finds them once {@link BootstrapInjector} has run.
 */
public final class AitapAgent {

  private AitapAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(instrumentation);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(instrumentation);
  }

  private static void start(Instrumentation instrumentation) {
    try {
      AitapConfig config = AitapConfig.fromSystem();
      if (!config.enabled()) {
        return;
      }
      AgentLog.setDebug(config.debug());
      BootstrapInjector.inject(instrumentation);
      AgentInstaller.install(instrumentation, config);
    } catch (Throwable t) {
      AgentLog.warn("aitap did not start, the application runs without it", t);
    }
  }
}
