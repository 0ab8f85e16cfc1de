package io.aitap.agent.protocol.json;

import io.aitap.agent.protocol.json.JsonEventHandler;

/**
 * A stream of events that each carry one JSON document (SSE data, NDJSON lines, event stream
 * payloads), read by one scanner for the whole stream rather than one per event: a stream has
 * thousands of events, and a parser per event cost more than reading them. A malformed or cut-off
 * event (OpenAI's {@code data: [DONE]}) costs that event only: the next one starts on a new scanner.
 */
public final class JsonEvents {

  private final JsonEventHandler handler;
  private JsonScanner scanner;
  private boolean open;

  public JsonEvents(JsonEventHandler handler) {
    this.handler = handler;
  }

  /** Whether an event has begun and not yet ended. */
  public boolean isOpen() {
    return open;
  }

  /** An event named {@code name} (or null) begins. */
  public void start(String name) {
    if (scanner == null) {
      scanner = new JsonScanner(handler);
    }
    open = true;
    handler.onEventStart(name);
  }

  /** Part of the open event's document. */
  public void feed(byte[] bytes, int offset, int length) {
    scanner.feed(bytes, offset, length);
  }

  /** The open event ended. */
  public void end() {
    if (!open) {
      return;
    }
    open = false;
    if (!scanner.endDocument()) {
      scanner = null;
    }
    handler.onEventEnd();
  }

  /** A whole event at once. */
  public void event(String name, byte[] bytes, int offset, int length) {
    start(name);
    feed(bytes, offset, length);
    end();
  }
}
