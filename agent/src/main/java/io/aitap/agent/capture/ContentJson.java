package io.aitap.agent.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The captured content as the GenAI conventions (v1.41) write it: {@code gen_ai.system_instructions}
 * (an array of parts), {@code gen_ai.input.messages} and {@code gen_ai.output.messages} (arrays of
 * {@code {"role", "parts", "finish_reason"}}), every text redacted on its way out.
 */
public final class ContentJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private ContentJson() {}

  /** The system instructions, or null when there were none. */
  public static String systemInstructions(CallContent content) {
    List<Part> parts = content.system().parts();
    if (parts.isEmpty()) {
      return null;
    }
    return write(json -> writeParts(json, parts));
  }

  /** The input messages, or null when there were none. */
  public static String inputMessages(CallContent content) {
    if (content.inputs().isEmpty()) {
      return null;
    }
    return write(json -> writeMessages(json, content.inputs(), null));
  }

  /**
   * The output messages, or null when there were none; a message whose own finish reason the body
   * did not give takes the call's ({@code finishReasons}, by position, else the first).
   */
  public static String outputMessages(CallContent content, List<String> finishReasons) {
    if (content.outputs().isEmpty()) {
      return null;
    }
    return write(json -> writeMessages(json, content.outputs(), finishReasons));
  }

  private interface Writer {
    void write(JsonGenerator json) throws IOException;
  }

  private static String write(Writer writer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeMessages(JsonGenerator json, List<Message> messages, List<String> finishReasons)
      throws IOException {
    json.writeStartArray();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      json.writeStartObject();
      json.writeStringField("role", message.role() == null ? "user" : message.role());
      json.writeFieldName("parts");
      writeParts(json, message.parts());
      if (finishReasons != null) {
        String reason = message.finishReason();
        if (reason == null && !finishReasons.isEmpty()) {
          reason = finishReasons.get(Math.min(i, finishReasons.size() - 1));
        }
        json.writeStringField("finish_reason", reason == null ? "" : reason);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeParts(JsonGenerator json, List<Part> parts) throws IOException {
    json.writeStartArray();
    for (Part part : parts) {
      json.writeStartObject();
      json.writeStringField("type", part.type.name);
      switch (part.type) {
        case TEXT:
          json.writeStringField("content", part.redactedText());
          break;
        case TOOL_CALL:
          optional(json, "id", part.id);
          optional(json, "name", part.name);
          if (part.hasText()) {
            json.writeStringField("arguments", part.redactedText());
          }
          break;
        case TOOL_CALL_RESPONSE:
          optional(json, "id", part.id);
          json.writeStringField("response", part.redactedText());
          break;
        case BLOB:
          json.writeStringField("modality", part.modality);
          optional(json, "mime_type", part.mimeType);
          if (part.size >= 0) {
            json.writeNumberField("size", part.size);
          }
          break;
        case URI:
          json.writeStringField("modality", part.modality);
          json.writeStringField("uri", part.redactedText());
          break;
        default:
          break;
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void optional(JsonGenerator json, String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }
}
