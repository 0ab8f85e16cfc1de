package io.aitap.agent.instrumentation;

/**
 * Package names of libraries the agent jar also carries, relocated, for its own use (OkHttp under
 * {@code io.aitap.shaded}). The shade plugin rewrites every string constant that starts with a
 * relocated package, which would point the matchers at aitap's private copy instead of the
 * application's; a name joined at run time from pieces that do not match is left as written.
 */
public final class LibraryNames {

  private LibraryNames() {}

  /** {@code okhttp3}. */
  public static String okHttp() {
    return String.join("", "okhttp", "3");
  }
}
