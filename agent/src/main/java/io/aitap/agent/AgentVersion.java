package io.aitap.agent;

/** The version the jar's manifest declares. */
public final class AgentVersion {

  private AgentVersion() {}

  public static String get() {
    String version = AgentVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
