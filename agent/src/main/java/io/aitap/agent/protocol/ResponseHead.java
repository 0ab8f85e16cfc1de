package io.aitap.agent.protocol;

import java.util.Locale;
import java.util.function.UnaryOperator;

/** Status line and headers of a response, as the client received them. */
public final class ResponseHead {
  private final int status;
  private final UnaryOperator<String> headers;

  /** {@code headers} returns the first value of a header by case-insensitive name, or null. */
  public ResponseHead(int status, UnaryOperator<String> headers) {
    this.status = status;
    this.headers = headers;
  }

  public int status() {
    return status;
  }

  public String header(String name) {
    try {
      return headers.apply(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The media type in lower case without parameters, or "" when absent. */
  public String mediaType() {
    String value = header("content-type");
    if (value == null) {
      return "";
    }
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  public boolean isEventStream() {
    return mediaType().equals("text/event-stream");
  }

  public boolean isError() {
    return status >= 400;
  }
}
