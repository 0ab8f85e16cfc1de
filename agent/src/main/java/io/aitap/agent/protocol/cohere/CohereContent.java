package io.aitap.agent.protocol.cohere;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ContentReader;
import io.aitap.agent.capture.Message;
import io.aitap.agent.capture.Part;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * The messages of Cohere's v2 chat: {@code messages} of a request; {@code message} of a response,
 * or a stream's {@code content-delta}, {@code tool-call-start}, {@code tool-call-delta} and
 * {@code message-end} events, whose fields sit under {@code delta}.
 */
final class CohereContent extends ContentReader {

  private final boolean request;
  private Message message;
  private Part tool;
  private String toolCallId;

  private CohereContent(CallContent content, boolean request) {
    super(content);
    this.request = request;
  }

  static ContentReader request(CallContent content) {
    return content == null ? null : new CohereContent(content, true);
  }

  static ContentReader response(CallContent content) {
    return content == null ? null : new CohereContent(content, false);
  }

  @Override
  protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    String value = text(token, parser);
    if (request) {
      requestValue(path, value);
      return;
    }
    int at = path.depth() > 1 && "delta".equals(path.segment(0)) ? 1 : 0;
    int depth = path.depth() - at;
    if (depth == 1 && "finish_reason".equals(path.last()) && value != null) {
      content.output(0).finishReason(value);
      return;
    }
    if (depth < 2 || !"message".equals(path.segment(at))) {
      return;
    }
    Message output = content.output(0);
    String field = path.last();
    String list = path.segment(at + 1);
    if ("content".equals(list) && "text".equals(field) && value != null) {
      if (at == 1) {
        output.appendText(value);
      } else {
        output.text(value);
      }
    } else if ("tool_calls".equals(list)) {
      if ("id".equals(field)) {
        tool = output.toolCall(value, null);
      } else if (tool != null && "name".equals(field)) {
        tool.name(value);
      } else if (tool != null && "arguments".equals(field)) {
        tool.append(value);
      }
    }
  }

  private void requestValue(JsonPath path, String value) {
    if (path.depth() < 3 || !path.startsWith("messages", "[]")) {
      return;
    }
    if (message == null) {
      message = content.newInput(null);
    }
    String field = path.last();
    if (path.depth() == 3) {
      if ("role".equals(field)) {
        message.role(value);
      } else if ("content".equals(field) && value != null && !value.isEmpty()) {
        message.text(value);
      } else if ("tool_call_id".equals(field)) {
        toolCallId = value;
      }
    } else if ("content".equals(path.segment(2)) && path.depth() == 5 && "text".equals(field) && value != null && !value.isEmpty()) {
      message.text(value);
    } else if ("content".equals(path.segment(2)) && path.is("messages", "[]", "content", "[]", "image_url", "url")) {
      imageUrl(message, value);
    } else if ("tool_calls".equals(path.segment(2))) {
      if (path.depth() == 5 && "id".equals(field)) {
        tool = message.toolCall(value, null);
      } else if (tool != null && path.depth() == 6 && "name".equals(field)) {
        tool.name(value);
      } else if (tool != null && path.depth() == 6 && "arguments".equals(field)) {
        tool.append(value);
      }
    }
  }

  @Override
  protected void end(JsonPath path) {
    if (path.is("messages", "[]") && message != null) {
      if ("tool".equals(message.role())) {
        message.textIsToolResponse(toolCallId);
      }
      message = null;
      tool = null;
      toolCallId = null;
    }
  }
}
