package io.aitap.agent.protocol;

import java.util.Locale;

/**
 * Puts a decoder for the response's {@code Content-Encoding} in front of a parser. Clients such as
 * the JDK's hand the application compressed bytes as they came; aitap inflates a private copy for
 * its parser and the application's bytes stay as they were.
 */
public final class ContentDecoding {

  private ContentDecoding() {}

  public static ResponseParser decoding(String contentEncoding, ResponseParser parser) {
    if (contentEncoding == null) {
      return parser;
    }
    switch (contentEncoding.trim().toLowerCase(Locale.ROOT)) {
      case "gzip":
      case "x-gzip":
        return new InflatingParser(InflatingParser.Wrapping.GZIP, parser);
      case "deflate":
        return new InflatingParser(InflatingParser.Wrapping.ZLIB_OR_RAW, parser);
      default:
        return parser;
    }
  }
}
