package io.aitap.agent.protocol.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ContentReader;
import io.aitap.agent.capture.Message;
import io.aitap.agent.capture.Part;
import io.aitap.agent.capture.StreamedParts;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * The messages of the Responses API: {@code instructions} are the system instructions,
 * {@code input} a string or a list of items (messages, function calls, function call outputs);
 * the response's {@code output} items, or a stream's text and function-call argument deltas, by
 * output index.
 */
final class ResponsesContent extends ContentReader {

  private final boolean request;
  private final boolean stream;
  private final StreamedParts streamed = new StreamedParts();
  private Message item;
  private Part tool;
  private String itemType;
  private String eventType;
  private int outputIndex;
  private int contentIndex;

  private ResponsesContent(CallContent content, boolean request, boolean stream) {
    super(content);
    this.request = request;
    this.stream = stream;
  }

  static ContentReader request(CallContent content) {
    return content == null ? null : new ResponsesContent(content, true, false);
  }

  static ContentReader response(CallContent content, boolean stream) {
    return content == null ? null : new ResponsesContent(content, false, stream);
  }

  @Override
  protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    String value = text(token, parser);
    if (request && path.is("instructions") && value != null) {
      content.system().text(value);
    } else if (request && path.is("input") && value != null) {
      content.newInput("user").text(value);
    } else if (request && path.depth() >= 3 && path.startsWith("input", "[]")) {
      item(path, 2, value);
    } else if (!request && !stream && path.depth() >= 3 && path.startsWith("output", "[]")) {
      item(path, 2, value);
    } else if (stream) {
      streamValue(path, token, parser, value);
    }
  }

  @Override
  protected void eventStart(String name) {
    eventType = name;
    outputIndex = 0;
    contentIndex = 0;
  }

  /** A field of a stream event: its type, the indices it names, a delta of text or of arguments. */
  private void streamValue(JsonPath path, JsonToken token, JsonParser parser, String value) throws IOException {
    if (path.is("type") && eventType == null) {
      eventType = value;
    } else if (path.is("output_index")) {
      outputIndex = index(token, parser, 0);
    } else if (path.is("content_index")) {
      contentIndex = index(token, parser, 0);
    } else if (eventType == null || value == null) {
      return;
    } else if (path.is("delta") && (eventType.equals("response.output_text.delta")
        || eventType.equals("response.refusal.delta"))) {
      streamedPart(false).append(value);
    } else if (path.is("delta") && eventType.equals("response.function_call_arguments.delta")) {
      streamedPart(true).append(value);
    } else if (eventType.equals("response.output_item.added") && path.is("item", "call_id")) {
      streamedPart(true).id(value);
    } else if (eventType.equals("response.output_item.added") && path.is("item", "name")) {
      streamedPart(true).name(value);
    }
  }

  private Part streamedPart(boolean toolCall) {
    long key = ((long) outputIndex << 32) | (toolCall ? 0xffffffffL : contentIndex & 0xffffffffL);
    return streamed.part(key, () -> toolCall ? content.output(0).toolCall(null, null) : content.output(0).text(""));
  }

  /** A value of an input or output item whose fields sit at depth {@code at}. */
  private void item(JsonPath path, int at, String value) {
    if (item == null) {
      item = request ? content.newInput(null) : content.output(0);
    }
    String field = path.last();
    if (path.depth() == at + 1) {
      switch (field) {
        case "type":
          itemType = value;
          break;
        case "role":
          item.role(value);
          break;
        case "content":
          if (value != null) {
            item.text(value);
          }
          break;
        case "call_id":
          toolPart().id(value);
          break;
        case "name":
          toolPart().name(value);
          break;
        case "arguments":
        case "output":
          toolPart().append(value);
          break;
        default:
          break;
      }
    } else if (path.depth() == at + 3 && "content".equals(path.segment(at))) {
      if (("text".equals(field) || "refusal".equals(field)) && value != null) {
        item.text(value);
      } else if ("image_url".equals(field)) {
        imageUrl(item, value);
      } else if ("file_data".equals(field)) {
        blob(item, "file", null, value);
      }
    }
  }

  private Part toolPart() {
    if (tool == null) {
      boolean output = "function_call_output".equals(itemType);
      if (request) {
        item.role(output ? "tool" : "assistant");
      }
      tool = output ? item.toolCallResponse(null) : item.toolCall(null, null);
    }
    return tool;
  }

  @Override
  protected void end(JsonPath path) {
    if (path.is(request ? "input" : "output", "[]")) {
      item = null;
      tool = null;
      itemType = null;
    }
  }
}
