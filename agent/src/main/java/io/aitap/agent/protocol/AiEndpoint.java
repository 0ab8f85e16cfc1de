package io.aitap.agent.protocol;

/** An HTTP exchange recognised as an AI call: who serves it, which API it speaks, where it goes. */
public final class AiEndpoint {
  private final String providerName;
  private final ApiProtocol protocol;
  private final String serverAddress;
  private final int serverPort;
  private final String modelFromPath;

  public AiEndpoint(
      String providerName, ApiProtocol protocol, String serverAddress, int serverPort, String modelFromPath) {
    this.providerName = providerName;
    this.protocol = protocol;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.modelFromPath = modelFromPath;
  }

  /** {@code gen_ai.provider.name}. */
  public String providerName() {
    return providerName;
  }

  public ApiProtocol protocol() {
    return protocol;
  }

  public String serverAddress() {
    return serverAddress;
  }

  public int serverPort() {
    return serverPort;
  }

  /** The model or deployment the URL names (Gemini, Bedrock, Azure), or null. */
  public String modelFromPath() {
    return modelFromPath;
  }
}
