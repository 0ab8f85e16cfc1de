package io.aitap.agent.protocol.json;

/**
 * Where request bodies name the application's end user: OpenAI's {@code safety_identifier} and
 * its older {@code user} (also taken by OpenAI-compatible APIs such as xAI's and Groq's), and
 * Anthropic's {@code metadata.user_id} (on Bedrock too). {@code safety_identifier} wins, being the
 * one OpenAI now asks for.
 */
final class EndUserIds {

  private EndUserIds() {}

  /** Whether the string at {@code path} is the end-user id to keep, given whether one was already found. */
  static boolean names(JsonPath path, boolean alreadyFound) {
    if (path.depth() == 1 && "safety_identifier".equals(path.last())) {
      return true;
    }
    return !alreadyFound && ((path.depth() == 1 && "user".equals(path.last())) || path.is("metadata", "user_id"));
  }
}
