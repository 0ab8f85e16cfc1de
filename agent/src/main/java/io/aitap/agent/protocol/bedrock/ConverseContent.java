package io.aitap.agent.protocol.bedrock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ConversationReader;
import io.aitap.agent.capture.Part;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * The messages of Bedrock's Converse: {@code system} and {@code messages} of a request (text,
 * image, document, toolUse, toolResult blocks); {@code output.message} of a response, or a
 * ConverseStream's {@code contentBlockStart} and {@code contentBlockDelta} events by block index.
 */
final class ConverseContent extends ConversationReader {

  private String format;
  private String eventType;

  ConverseContent(CallContent content, boolean request) {
    super(content, request);
  }

  @Override
  protected Part objectPart(JsonPath path) {
    if (message != null && opens(path, "toolUse", "input")) {
      return toolCall(message);
    }
    return part != null && opens(path, "[]", "json") ? part : null;
  }

  @Override
  protected void eventStart(String name) {
    eventType = name;
  }

  @Override
  protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    String value = text(token, parser);
    if (request && path.is("system", "[]", "text") && value != null) {
      content.system().text(value);
    } else if (request && path.depth() >= 3 && path.startsWith("messages", "[]")) {
      if (message == null) {
        message = content.newInput(null);
      }
      if (path.is("messages", "[]", "role")) {
        message.role(value);
      } else if (path.depth() >= 5 && "content".equals(path.segment(2))) {
        block(path, 4, value);
      }
    } else if (!request && path.depth() >= 5 && path.startsWith("output", "message", "content", "[]")) {
      if (message == null) {
        message = content.output(0);
      }
      block(path, 4, value);
    } else if (!request && path.is("stopReason") && value != null) {
      content.output(0).finishReason(value);
    } else if (!request && eventType != null) {
      streamValue(path, token, parser, value);
    }
  }

  /** A value of a content block whose fields sit at depth {@code at}. */
  private void block(JsonPath path, int at, String value) {
    String field = path.last();
    String kind = path.segment(at);
    int depth = path.depth();
    if (depth == at + 1 && "text".equals(field) && value != null) {
      message.text(value);
    } else if ("toolUse".equals(kind) && depth == at + 2) {
      if ("toolUseId".equals(field)) {
        toolCall(message).id(value);
      } else if ("name".equals(field)) {
        toolCall(message).name(value);
      }
    } else if ("toolResult".equals(kind)) {
      toolResult(path, at, field, value);
    } else if (("image".equals(kind) || "document".equals(kind) || "video".equals(kind)) && value != null) {
      if (depth == at + 2 && "format".equals(field)) {
        format = value;
      } else if (depth == at + 3 && "bytes".equals(field)) {
        blob(message, "document".equals(kind) ? "file" : kind, format == null ? null : kind + "/" + format, value);
      } else if (depth == at + 4 && "uri".equals(field)) {
        message.uri("document".equals(kind) ? "file" : kind, value);
      }
    }
  }

  private void toolResult(JsonPath path, int at, String field, String value) {
    Part response = toolResponse(message);
    if (path.depth() == at + 2 && "toolUseId".equals(field)) {
      response.id(value);
    } else if (path.depth() == at + 4 && "text".equals(field)) {
      response.append(value);
    }
  }

  private void streamValue(JsonPath path, JsonToken token, JsonParser parser, String value) throws IOException {
    if (path.is("contentBlockIndex")) {
      blockIndex = index(token, parser, blockIndex);
    } else if (path.is("role")) {
      content.output(0).role(value);
    } else if (path.is("start", "toolUse", "toolUseId")) {
      withBlock(true, block -> block.id(value));
    } else if (path.is("start", "toolUse", "name")) {
      withBlock(true, block -> block.name(value));
    } else if (path.is("delta", "text")) {
      withBlock(false, block -> block.append(value));
    } else if (path.is("delta", "toolUse", "input")) {
      withBlock(true, block -> block.append(value));
    }
  }

  @Override
  protected void end(JsonPath path) {
    if (path.is("messages", "[]")) {
      message = null;
    } else if (path.is("messages", "[]", "content", "[]") || path.is("output", "message", "content", "[]")) {
      part = null;
      format = null;
    }
  }
}
