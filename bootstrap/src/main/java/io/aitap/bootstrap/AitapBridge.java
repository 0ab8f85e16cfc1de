package io.aitap.bootstrap;

/** The one door between inlined advice and the agent: empty until the agent fills it at startup. */
public final class AitapBridge {

  private static volatile AitapHooks hooks = NoopHooks.INSTANCE;

  private AitapBridge() {}

  public static AitapHooks hooks() {
    return hooks;
  }

  public static void install(AitapHooks installed) {
    hooks = installed == null ? NoopHooks.INSTANCE : installed;
  }
}
