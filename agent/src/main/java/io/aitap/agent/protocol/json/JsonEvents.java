package io.aitap.agent.protocol.json;

/**
 * A stream of events that each carry one JSON document (SSE data, NDJSON lines, event stream
 * payloads), read by one scanner for the whole stream rather than one per event: a stream has
 * thousands of events, and a parser per event cost more than reading them. A malformed or cut-off
 * event (OpenAI's {@code data: [DONE]}) costs that event only: the next one starts on a new scanner.
 *
 * <p>Events the handler {@link JsonEventHandler#skims skims} are held until they end and offered to
 * it whole: most are content deltas it can judge from their bytes far faster than a parser reads
 * them. One longer than {@link #MAX_HELD} is parsed, as it arrives, as the others are.
 */
public final class JsonEvents {

  /** Content deltas are a few hundred bytes; an event this long is parsed as it streams. */
  static final int MAX_HELD = 16 * 1024;
  private static final int FIRST_HELD = 512;

  private final JsonEventHandler handler;
  private JsonScanner scanner;
  private boolean open;
  private String name;
  /** The open event's bytes so far, while it may still be skimmed. */
  private byte[] held;
  private int heldLength;
  private boolean holding;

  public JsonEvents(JsonEventHandler handler) {
    this.handler = handler;
  }

  /** Whether an event has begun and not yet ended. */
  public boolean isOpen() {
    return open;
  }

  /** An event named {@code name} (or null) begins. */
  public void start(String name) {
    open = true;
    if (handler.skims(name)) {
      this.name = name;
      holding = true;
      heldLength = 0;
    } else {
      startParsing(name);
    }
  }

  /** Part of the open event's document. */
  public void feed(byte[] bytes, int offset, int length) {
    if (holding) {
      if (hold(bytes, offset, length)) {
        return;
      }
      parseHeld();
    }
    scanner.feed(bytes, offset, length);
  }

  /** The open event ended. */
  public void end() {
    if (!open) {
      return;
    }
    open = false;
    if (holding) {
      holding = false;
      if (handler.skim(name, held, 0, heldLength)) {
        return;
      }
      parseHeld();
    }
    endParsing();
  }

  /** A whole event at once. */
  public void event(String name, byte[] bytes, int offset, int length) {
    if (length <= MAX_HELD && handler.skims(name) && handler.skim(name, bytes, offset, length)) {
      return;
    }
    startParsing(name);
    scanner.feed(bytes, offset, length);
    endParsing();
  }

  private boolean hold(byte[] bytes, int offset, int length) {
    int needed = heldLength + length;
    if (needed > MAX_HELD) {
      return false;
    }
    if (held == null || held.length < needed) {
      byte[] larger = new byte[Math.min(MAX_HELD, Math.max(needed, held == null ? FIRST_HELD : 2 * held.length))];
      if (held != null) {
        System.arraycopy(held, 0, larger, 0, heldLength);
      }
      held = larger;
    }
    System.arraycopy(bytes, offset, held, heldLength, length);
    heldLength = needed;
    return true;
  }

  /** The held event is parsed after all: from its first bytes, then as the rest arrives. */
  private void parseHeld() {
    holding = false;
    startParsing(name);
    scanner.feed(held, 0, heldLength);
    heldLength = 0;
  }

  private void startParsing(String name) {
    if (scanner == null) {
      scanner = new JsonScanner(handler);
    }
    open = true;
    handler.onEventStart(name);
  }

  private void endParsing() {
    open = false;
    if (!scanner.endDocument()) {
      scanner = null;
    }
    handler.onEventEnd();
  }
}
