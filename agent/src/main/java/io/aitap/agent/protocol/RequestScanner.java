package io.aitap.agent.protocol;

/** Reads a request body incrementally into {@link RequestFacts}; like {@link ResponseParser}, keeps no body. */
public interface RequestScanner {

  void feed(byte[] bytes, int offset, int length);

  void endOfBody();
}
