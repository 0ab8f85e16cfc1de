package io.aitap.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;

/**
 * Puts the bridge into the bootstrap loader of the test JVM, as the agent does at startup, so that
 * hooks woven into JDK classes reaches it. Must run before anything names a bridge type.
 */
public final class BridgeInjection {

  private BridgeInjection() {}

  public static void inject(Instrumentation instrumentation) throws IOException {
    BootstrapInjector.inject(instrumentation);
  }
}
