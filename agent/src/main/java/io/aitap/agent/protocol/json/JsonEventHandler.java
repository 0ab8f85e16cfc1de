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

  /** Whether events named {@code name} are first offered whole to {@link #skim}. */
  default boolean skims(String name) {
    return false;
  }

  /**
   * Reads a whole event from its bytes, without parsing it, when its values would change nothing
   * but whether it carries output: as if it had been parsed, {@link #onEventStart} and
   * {@link #onEventEnd} included. False, having done nothing, when the event must be parsed.
   */
  default boolean skim(String name, byte[] bytes, int offset, int length) {
    return false;
  }
}
