package io.aitap.agent.protocol.sse;

import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonEventHandler;
import io.aitap.agent.protocol.json.JsonScanner;

/**
 * A {@code text/event-stream} body whose events carry JSON. Each event gets a scanner of its own,
 * so one malformed event (or {@code data: [DONE]}) costs that event only.
 */
public final class JsonEventStreamParser implements ResponseParser, SseDecoder.Listener {

  private final JsonEventHandler handler;
  private final SseDecoder decoder = new SseDecoder(this);
  private String eventName;
  private JsonScanner event;

  public JsonEventStreamParser(JsonEventHandler handler) {
    this.handler = handler;
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
    if (event == null) {
      event = new JsonScanner(handler);
      handler.onEventStart(eventName);
    }
    event.feed(bytes, offset, length);
  }

  @Override
  public void onEventEnd() {
    if (event != null) {
      event.end();
      handler.onEventEnd();
    }
    event = null;
    eventName = null;
  }
}
