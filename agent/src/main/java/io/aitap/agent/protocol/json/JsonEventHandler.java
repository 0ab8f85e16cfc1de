package io.aitap.agent.protocol.json;

/**
 * Reads the JSON of a streamed response one event at a time, whatever frames the events: a
 * server-sent event, an NDJSON line or an AWS event-stream message.
 */
public interface JsonEventHandler extends JsonScanner.Listener {

  /** An event begins; {@code name} is its name where the framing gives one (SSE {@code event:}), or null. */
  void onEventStart(String name);

  /** The event's data has ended. */
  void onEventEnd();
}
