package io.aitap.agent.protocol;

/**
 * Reads one response body incrementally and writes what it means into {@link ResponseFacts}. Gets
 * the decoded body bytes in order, in whatever pieces the application happened to read them.
 * Implementations keep a small state machine, never the body.
 */
public interface ResponseParser {

  void feed(byte[] bytes, int offset, int length);

  /** The body ended, completely or not; flush whatever a trailing partial frame still means. */
  void endOfBody();
}
