package io.aitap.agent.protocol.sse;

import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonEventHandler;
import io.aitap.agent.protocol.json.JsonEvents;

/**
 * A {@code text/event-stream} body whose events carry JSON, read as {@link JsonEvents}: one
 * malformed event (or {@code data: [DONE]}) costs that event only.
 */
public final class JsonEventStreamParser implements ResponseParser, SseDecoder.Listener {

  private final JsonEvents events;
  private final SseDecoder decoder = new SseDecoder(this);
  private String eventName;

  public JsonEventStreamParser(JsonEventHandler handler) {
    this.events = new JsonEvents(handler);
  }

  @Override
  public void feed(byte[] bytes, int offset, int length) {
    decoder.feed(bytes, offset, length);
  }

  @Override
  public void endOfBody() {
    decoder.end();
  }

  @Override
  public void onEventName(String name) {
    eventName = name;
  }

  @Override
  public void onData(byte[] bytes, int offset, int length) {
    if (!events.isOpen()) {
      events.start(eventName);
    }
    events.feed(bytes, offset, length);
  }

  @Override
  public void onEventEnd() {
    events.end();
    eventName = null;
  }
}
