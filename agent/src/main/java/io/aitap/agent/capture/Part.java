package io.aitap.agent.capture;

import io.aitap.agent.protocol.json.CutString;

/**
 * One part of a message, as the GenAI conventions name them: text, tool_call, tool_call_response,
 * blob (kind and size only), uri. Its text (the content, a tool call's arguments, a tool's
 * response) grows as deltas arrive, up to the message's room; where it was cut it says so.
 */
public final class Part {

  enum Type {
    TEXT("text"), TOOL_CALL("tool_call"), TOOL_CALL_RESPONSE("tool_call_response"), BLOB("blob"), URI("uri");

    final String name;

    Type(String name) {
      this.name = name;
    }
  }

  /** A cut this close to the end moves back to a word boundary, so no half a secret stays. */
  private static final int WORD_BACKTRACK = 64;

  private final Message message;
  Type type;
  String id;
  String name;
  String modality;
  String mimeType;
  long size = -1;
  private StringBuilder text;
  boolean truncated;

  Part(Message message, Type type) {
    this.message = message;
    this.type = type;
  }

  public void id(String id) {
    if (id != null && !id.isEmpty()) {
      this.id = id;
    }
  }

  public void name(String name) {
    if (name != null && !name.isEmpty()) {
      this.name = name;
    }
  }

  /**
   * Appends a string value as the scanner delivered it: a string the scanner cut short counts as
   * cut here too.
   */
  public void append(String value) {
    if (value == null || value.isEmpty() || truncated) {
      return;
    }
    CutString string = CutString.of(value);
    String piece = string.kept;
    int room = message.room(piece.length());
    boolean cut = room < piece.length();
    if (cut) {
      room = wordBoundary(piece, room);
    }
    if (room > 0) {
      if (text == null) {
        text = new StringBuilder(Math.min(room, 256));
      }
      text.append(piece, 0, room);
    }
    message.used(room, cut);
    if (cut || string.cut) {
      truncated = true;
    }
  }

  private static int wordBoundary(String piece, int cut) {
    for (int i = cut; i > 0 && i > cut - WORD_BACKTRACK; i--) {
      if (Character.isWhitespace(piece.charAt(i - 1))) {
        return i;
      }
    }
    return cut > WORD_BACKTRACK ? cut : 0;
  }

  boolean hasText() {
    return text != null;
  }

  /** The text, redacted, with the marker where it was cut. */
  String redactedText() {
    String redacted = text == null ? "" : message.redactor().redact(text.toString());
    return truncated ? redacted + CallContent.TRUNCATED : redacted;
  }
}
