package io.aitap.agent.protocol.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ContentReader;
import io.aitap.agent.capture.Message;
import io.aitap.agent.capture.Part;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * The messages of the Responses API: {@code instructions} are the system instructions,
 * {@code input} a string or a list of items (messages, function calls, function call outputs);
 * the response's {@code output} items, in a stream from the terminal event that carries the whole
 * response ({@code response.completed}, {@code response.incomplete}).
 */
final class ResponsesContent extends ContentReader {

  private final boolean request;
  private final int base;
  private Message item;
  private Part tool;
  private String itemType;

  private ResponsesContent(CallContent content, boolean request, boolean stream) {
    super(content);
    this.request = request;
    this.base = stream ? 1 : 0;
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
    } else if (!request && path.depth() >= base + 3 && (base == 0 || "response".equals(path.segment(0)))
        && "output".equals(path.segment(base)) && "[]".equals(path.segment(base + 1))) {
      item(path, base + 2, value);
    }
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
    boolean itemEnd = request
        ? path.is("input", "[]")
        : path.depth() == base + 2 && "output".equals(path.segment(base)) && "[]".equals(path.segment(base + 1));
    if (itemEnd) {
      item = null;
      tool = null;
      itemType = null;
    }
  }
}
