package io.aitap.agent.protocol.sse;

import java.nio.charset.StandardCharsets;

/**
 * Server-sent events framing as a byte-level state machine (LF, CRLF or CR line ends; lines split
 * anywhere across feeds). The data of an event streams to the listener as it arrives, never
 * assembled; only the short {@code event:} name is held. Comments ({@code : keep-alive}) and unknown
 * fields are skipped.
 */
public final class SseDecoder {

  /** Receives one event at a time: its name, its data in pieces, then its end. */
  public interface Listener {
    /** The {@code event:} field, before the event's data; not called for unnamed events. */
    void onEventName(String name);

    /** Part of the event's data; successive {@code data:} lines arrive joined by a newline. */
    void onData(byte[] bytes, int offset, int length);

    /** A blank line ended an event that had data. */
    void onEventEnd();
  }

  private static final int MAX_FIELD_NAME = 16;
  private static final int MAX_EVENT_NAME = 128;
  private static final byte[] NEWLINE = {'\n'};

  private enum State { LINE_START, FIELD_NAME, VALUE_START, DATA, EVENT_NAME, IGNORED }

  private final Listener listener;
  private final byte[] fieldName = new byte[MAX_FIELD_NAME];
  private final byte[] eventName = new byte[MAX_EVENT_NAME];
  private State state = State.LINE_START;
  private int fieldLength;
  private int eventNameLength;
  private boolean afterCarriageReturn;
  private boolean eventHasData;
  private State valueState;
  /** The last event name, reused while the next is the same: most events of a stream share one. */
  private String lastEventName = "";

  public SseDecoder(Listener listener) {
    this.listener = listener;
  }

  public void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int dataStart = state == State.DATA ? offset : -1;
    for (int i = offset; i < end; i++) {
      byte b = bytes[i];
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (b == '\n') {
          continue;
        }
      }
      if (state == State.DATA) {
        // most of a stream is data: run to the end of the line at once
        if (dataStart < 0) {
          dataStart = i;
        }
        i = lineEnd(bytes, i, end);
        if (i == end) {
          break;
        }
        b = bytes[i];
      }
      if (b == '\r' || b == '\n') {
        if (state == State.DATA && dataStart >= 0 && i > dataStart) {
          listener.onData(bytes, dataStart, i - dataStart);
        }
        dataStart = -1;
        endOfLine();
        afterCarriageReturn = b == '\r';
        continue;
      }
      switch (state) {
        case LINE_START:
          if (b == ':') {
            state = State.IGNORED;
          } else {
            fieldLength = 0;
            state = State.FIELD_NAME;
            appendFieldName(b);
          }
          break;
        case FIELD_NAME:
          if (b == ':') {
            valueState = valueStateFor();
            state = State.VALUE_START;
          } else {
            appendFieldName(b);
          }
          break;
        case VALUE_START:
          state = valueState;
          beginValue();
          if (b == ' ') {
            break;
          }
          if (state == State.DATA) {
            dataStart = i;
          } else if (state == State.EVENT_NAME) {
            appendEventName(b);
          }
          break;
        case EVENT_NAME:
          appendEventName(b);
          break;
        default:
          break;
      }
    }
    if (state == State.DATA && dataStart >= 0 && end > dataStart) {
      listener.onData(bytes, dataStart, end - dataStart);
    }
  }

  private static int lineEnd(byte[] bytes, int from, int end) {
    int i = from;
    while (i < end && bytes[i] != '\n' && bytes[i] != '\r') {
      i++;
    }
    return i;
  }

  private State valueStateFor() {
    if (isField("data")) {
      return State.DATA;
    }
    if (isField("event")) {
      eventNameLength = 0;
      return State.EVENT_NAME;
    }
    return State.IGNORED;
  }

  private void beginValue() {
    if (state == State.DATA) {
      if (eventHasData) {
        listener.onData(NEWLINE, 0, 1);
      }
      eventHasData = true;
    }
  }

  private void endOfLine() {
    switch (state) {
      case LINE_START:
        if (eventHasData) {
          listener.onEventEnd();
        }
        eventHasData = false;
        break;
      case FIELD_NAME:
        // a field with no colon has an empty value: "data" alone is an empty data line
        if (isField("data")) {
          state = State.DATA;
          beginValue();
        }
        break;
      case VALUE_START:
        state = valueState;
        beginValue();
        if (state == State.EVENT_NAME) {
          listener.onEventName("");
        }
        break;
      case EVENT_NAME:
        listener.onEventName(eventName());
        break;
      default:
        break;
    }
    state = State.LINE_START;
  }

  private String eventName() {
    String last = lastEventName;
    if (last.length() == eventNameLength) {
      boolean same = true;
      for (int i = 0; i < eventNameLength && same; i++) {
        same = eventName[i] == last.charAt(i);
      }
      if (same) {
        return last;
      }
    }
    lastEventName = new String(eventName, 0, eventNameLength, StandardCharsets.UTF_8);
    return lastEventName;
  }

  private void appendFieldName(byte b) {
    if (fieldLength < MAX_FIELD_NAME) {
      fieldName[fieldLength] = b;
    }
    fieldLength++;
  }

  private void appendEventName(byte b) {
    if (eventNameLength < MAX_EVENT_NAME) {
      eventName[eventNameLength++] = b;
    }
  }

  private boolean isField(String name) {
    if (fieldLength != name.length()) {
      return false;
    }
    for (int i = 0; i < fieldLength; i++) {
      if (fieldName[i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** At the end of the body, an event still open is dispatched (a server may omit the last blank line). */
  public void end() {
    if (state != State.LINE_START) {
      endOfLine();
    }
    if (eventHasData) {
      listener.onEventEnd();
      eventHasData = false;
    }
  }
}
