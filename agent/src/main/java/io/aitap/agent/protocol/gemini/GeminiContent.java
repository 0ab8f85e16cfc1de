package io.aitap.agent.protocol.gemini;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ConversationReader;
import io.aitap.agent.capture.Part;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * The messages of Gemini's generateContent: {@code systemInstruction} and {@code contents} of a
 * request; the {@code candidates} of a response, whole or chunk by chunk (a streamed candidate's
 * text parts continue one another). The role {@code model} is recorded as {@code assistant}; a
 * part's text is taken when the part ends, unless it said it was a thought (a thought summary).
 */
final class GeminiContent extends ConversationReader {

  private String mimeType;
  private String pendingText;
  private boolean thought;
  private int candidate;

  GeminiContent(CallContent content, boolean request) {
    super(content, request);
  }

  /** Where a response's fields begin: one level down in a JSON-array stream. */
  private static int at(JsonPath path) {
    return path.depth() > 0 && "[]".equals(path.segment(0)) ? 1 : 0;
  }

  @Override
  protected Part objectPart(JsonPath path) {
    if (message == null) {
      return null;
    }
    if (opens(path, "functionCall", "args")) {
      return toolCall(message);
    }
    return opens(path, "functionResponse", "response") ? toolResponse() : null;
  }

  @Override
  protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    String value = text(token, parser);
    if (request && path.startsWith("systemInstruction", "parts", "[]") && "text".equals(path.last())) {
      if (value != null) {
        content.system().text(value);
      }
      return;
    }
    int at = request ? 0 : at(path);
    String list = request ? "contents" : "candidates";
    if (path.depth() < at + 3 || !list.equals(path.segment(at)) || !"[]".equals(path.segment(at + 1))) {
      return;
    }
    if (message == null) {
      message = request ? content.newInput(null) : content.output(candidate);
    }
    String field = path.last();
    int depth = path.depth() - at;
    if (request && depth == 3 && "role".equals(field)) {
      message.role("model".equals(value) ? "assistant" : value);
    } else if (!request && depth == 3 && "finishReason".equals(field)) {
      message.finishReason(value);
    } else if (depth >= 5 && "parts".equals(path.segment(at + 2 + (request ? 0 : 1)))) {
      if (depth == (request ? 5 : 6) && "thought".equals(field)) {
        thought = token == JsonToken.VALUE_TRUE;
      }
      partValue(path, depth, field, value);
    }
  }

  private void partValue(JsonPath path, int depth, String field, String value) {
    int partDepth = request ? 5 : 6;
    if (depth == partDepth && "text".equals(field) && value != null) {
      pendingText = value;
    } else if (depth == partDepth + 1) {
      String holder = path.segment(path.depth() - 2);
      if ("mimeType".equals(field)) {
        mimeType = value;
      } else if ("inlineData".equals(holder) && "data".equals(field)) {
        blob(message, modality(mimeType), mimeType, value);
      } else if ("fileData".equals(holder) && "fileUri".equals(field)) {
        message.uri(modality(mimeType), value);
      } else if ("functionCall".equals(holder) && "name".equals(field)) {
        toolCall(message).name(value);
      } else if ("functionCall".equals(holder) && "id".equals(field)) {
        toolCall(message).id(value);
      } else if ("functionResponse".equals(holder) && ("name".equals(field) || "id".equals(field))) {
        toolResponse().id(value);
      }
    }
  }

  /** A function's response; in a request, it makes its content a message of role tool. */
  private Part toolResponse() {
    if (part == null && request) {
      message.role("tool");
    }
    return toolResponse(message);
  }

  @Override
  protected void end(JsonPath path) {
    int at = request ? 0 : at(path);
    int depth = path.depth() - at;
    if (depth == 2 && (request ? "contents" : "candidates").equals(path.segment(at))) {
      message = null;
      candidate++;
    } else if ((depth == 4 || depth == 5) && "parts".equals(path.segment(path.depth() - 2))) {
      if (pendingText != null && !thought && message != null) {
        if (request) {
          message.text(pendingText);
        } else {
          message.appendText(pendingText);
        }
      }
      pendingText = null;
      thought = false;
      part = null;
      mimeType = null;
    } else if (path.depth() == at) {
      candidate = 0;
    }
  }
}
