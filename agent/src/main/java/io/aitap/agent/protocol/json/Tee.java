package io.aitap.agent.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.sse.JsonEventHandler;
import java.io.IOException;

/**
 * One scan shown to two listeners: the fields telemetry needs, and a reader of message content. A
 * failure of the second never stops the first.
 */
public final class Tee implements JsonEventHandler {

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

  @Override
  public void onEventStart(String name) {
    if (first instanceof JsonEventHandler) {
      ((JsonEventHandler) first).onEventStart(name);
    }
    if (second instanceof JsonEventHandler && !secondBroken) {
      try {
        ((JsonEventHandler) second).onEventStart(name);
      } catch (RuntimeException e) {
        secondBroken = true;
      }
    }
  }

  @Override
  public void onEventEnd() {
    if (first instanceof JsonEventHandler) {
      ((JsonEventHandler) first).onEventEnd();
    }
    if (second instanceof JsonEventHandler && !secondBroken) {
      try {
        ((JsonEventHandler) second).onEventEnd();
      } catch (RuntimeException e) {
        secondBroken = true;
      }
    }
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    first.onValue(path, token, parser);
    if (!secondBroken) {
      try {
        second.onValue(path, token, parser);
      } catch (RuntimeException e) {
        secondBroken = true;
      }
    }
  }

  @Override
  public void onStart(JsonPath path) {
    first.onStart(path);
    if (!secondBroken) {
      try {
        second.onStart(path);
      } catch (RuntimeException e) {
        secondBroken = true;
      }
    }
  }

  @Override
  public void onEnd(JsonPath path) {
    first.onEnd(path);
    if (!secondBroken) {
      try {
        second.onEnd(path);
      } catch (RuntimeException e) {
        secondBroken = true;
      }
    }
  }

  @Override
  public int keptStringBytes() {
    return Math.max(first.keptStringBytes(), second.keptStringBytes());
  }
}
