package io.aitap.agent.protocol.sse;

import io.aitap.agent.protocol.json.JsonScanner;

/** Reads the JSON data of server-sent events, one event at a time. */
public interface JsonEventHandler extends JsonScanner.Listener {

  /** An event begins; {@code name} is its {@code event:} field, or null. */
  void onEventStart(String name);

  /** The event's data has ended. */
  void onEventEnd();
}
