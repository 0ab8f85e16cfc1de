package io.aitap.agent.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One scan shown to two listeners: the fields telemetry needs, and a reader of message content. A
 * failure of the second never stops the first.
 */
public final class Tee implements JsonEventHandler {

  private interface Event {
    void show(JsonScanner.Listener listener) throws IOException;
  }

  private final JsonScanner.Listener first;
  private final JsonScanner.Listener second;
  private boolean secondBroken;

  private Tee(JsonScanner.Listener first, JsonScanner.Listener second) {
    this.first = first;
    this.second = second;
  }

  /** {@code first} alone when {@code second} is null. */
  public static JsonEventHandler of(JsonEventHandler first, JsonScanner.Listener second) {
    return second == null ? first : new Tee(first, second);
  }

  static JsonScanner.Listener of(JsonScanner.Listener first, JsonScanner.Listener second) {
    return second == null ? first : new Tee(first, second);
  }

  private void show(Event event) throws IOException {
    event.show(first);
    if (!secondBroken) {
      try {
        event.show(second);
      } catch (IOException | RuntimeException e) {
        secondBroken = true;
      }
    }
  }

  private void showQuietly(Event event) {
    try {
      show(event);
    } catch (IOException e) {
      // only the second listener's events throw, and show() keeps those
    }
  }

  @Override
  public void onEventStart(String name) {
    showQuietly(listener -> {
      if (listener instanceof JsonEventHandler) {
        ((JsonEventHandler) listener).onEventStart(name);
      }
    });
  }

  @Override
  public void onEventEnd() {
    showQuietly(listener -> {
      if (listener instanceof JsonEventHandler) {
        ((JsonEventHandler) listener).onEventEnd();
      }
    });
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    show(listener -> listener.onValue(path, token, parser));
  }

  @Override
  public void onStart(JsonPath path) {
    showQuietly(listener -> listener.onStart(path));
  }

  @Override
  public void onEnd(JsonPath path) {
    showQuietly(listener -> listener.onEnd(path));
  }

  @Override
  public int keptStringBytes() {
    return Math.max(first.keptStringBytes(), second.keptStringBytes());
  }
}
