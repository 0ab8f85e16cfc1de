package io.aitap.agent.protocol.openai;

import io.aitap.agent.protocol.ApiProtocol;

/** The OpenAI API family, recognised by the shape of the path. */
public final class OpenAiApis {

  private OpenAiApis() {}

  /** The API a path names (…/chat/completions, …/completions, …/embeddings, …/responses), or null. */
  public static ApiProtocol forPath(String rawPath) {
    return null;
  }
}
