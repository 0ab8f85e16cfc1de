package io.aitap.agent.protocol.json;

import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseParser;

/** A request or response body that is one JSON document, read by a listener that knows what its values mean. */
public final class JsonBodyParser implements ResponseParser, RequestScanner {

  private final JsonScanner scanner;

  public JsonBodyParser(JsonScanner.Listener listener) {
    this.scanner = new JsonScanner(listener);
  }

  @Override
  public void feed(byte[] bytes, int offset, int length) {
    scanner.feed(bytes, offset, length);
  }

  @Override
  public void endOfBody() {
    scanner.end();
  }
}
