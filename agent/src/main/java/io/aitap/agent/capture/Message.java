package io.aitap.agent.capture;

import java.util.ArrayList;
import java.util.List;

/** One message being captured: a role, parts in order, and for output a finish reason. */
public final class Message {

  private final CallContent call;
  private final boolean input;
  private final List<Part> parts = new ArrayList<>(2);
  private String role;
  private String finishReason;
  private int usedChars;
  private boolean full;

  Message(CallContent call, String role, boolean input) {
    this.call = call;
    this.role = role;
    this.input = input;
  }

  public void role(String role) {
    if (role != null && !role.isEmpty()) {
      this.role = role;
    }
  }

  public String role() {
    return role;
  }

  public void finishReason(String reason) {
    if (reason != null && !reason.isEmpty()) {
      finishReason = reason;
    }
  }

  String finishReason() {
    return finishReason;
  }

  /** A new text part. */
  public Part text(String text) {
    Part part = newPart(Part.Type.TEXT);
    part.append(text);
    return part;
  }

  /** Text continuing the last part when it is text (a streamed delta), else a new text part. */
  public void appendText(String text) {
    Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
    if (last != null && last.type == Part.Type.TEXT) {
      last.append(text);
    } else {
      text(text);
    }
  }

  public Part toolCall(String id, String name) {
    Part part = newPart(Part.Type.TOOL_CALL);
    part.id(id);
    part.name(name);
    return part;
  }

  public Part toolCallResponse(String id) {
    Part part = newPart(Part.Type.TOOL_CALL_RESPONSE);
    part.id(id);
    return part;
  }

  /** An image, audio or file part: its kind and size, never its bytes. */
  public Part blob(String modality, String mimeType, long sizeBytes) {
    Part part = newPart(Part.Type.BLOB);
    part.modality = modality;
    part.mimeType = mimeType;
    part.size = sizeBytes;
    return part;
  }

  /** Content the message refers to by URI (an image URL, an uploaded file). */
  public Part uri(String modality, String uri) {
    Part part = newPart(Part.Type.URI);
    part.modality = modality;
    part.append(uri);
    return part;
  }

  /**
   * A tool's answer sent as a message of role {@code tool} (the OpenAI family, Ollama, Cohere):
   * its text parts become the response to call {@code id}.
   */
  public void textIsToolResponse(String id) {
    for (Part part : parts) {
      if (part.type == Part.Type.TEXT) {
        part.type = Part.Type.TOOL_CALL_RESPONSE;
        part.id(id);
      }
    }
  }

  List<Part> parts() {
    return parts;
  }

  private Part newPart(Part.Type type) {
    Part part = new Part(this, type);
    if (call.addPart(input)) {
      parts.add(part);
    }
    return part;
  }

  /** How many of {@code wanted} characters this message may still take. */
  int room(int wanted) {
    if (full) {
      return 0;
    }
    int room = Math.min(call.settings.maxCharsPerMessage - usedChars, call.callRoom(input));
    return Math.max(0, Math.min(room, wanted));
  }

  void used(int chars, boolean cut) {
    usedChars += chars;
    call.use(chars);
    if (cut) {
      full = true;
    }
  }

  Redactor redactor() {
    return call.settings.redactor;
  }
}
