package io.aitap.agent.protocol.anthropic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ConversationReader;
import io.aitap.agent.capture.Message;
import io.aitap.agent.capture.Part;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * The messages of Anthropic's Messages API: {@code system} and {@code messages} of a request (text,
 * images and documents, tool_use, tool_result); the {@code content} blocks of a response, whole or
 * assembled from a stream's {@code content_block_start} and {@code content_block_delta} events.
 */
final class MessagesContent extends ConversationReader {

  private String blockType;
  private String mediaType;

  MessagesContent(CallContent content, boolean request) {
    super(content, request);
  }

  @Override
  protected Part objectPart(JsonPath path) {
    // a tool_use block's input object; in a stream it comes as partial_json deltas instead
    boolean inBlock = request
        ? path.depth() == 6 && path.startsWith("messages", "[]", "content", "[]")
        : path.depth() == 4 && path.startsWith("content", "[]");
    return inBlock && part != null && "tool_use".equals(blockType) && opens(path, "[]", "input") ? part : null;
  }

  @Override
  protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    String value = text(token, parser);
    if (request) {
      requestValue(path, value);
    } else if (path.depth() >= 3 && path.startsWith("content", "[]")) {
      block(content.output(0), path, 2, value);
    } else {
      streamValue(path, token, parser, value);
    }
  }

  private void requestValue(JsonPath path, String value) {
    if (path.is("system") && value != null) {
      content.system().text(value);
    } else if (path.is("system", "[]", "text") && value != null) {
      content.system().text(value);
    } else if (path.depth() >= 3 && path.startsWith("messages", "[]")) {
      if (message == null) {
        message = content.newInput(null);
      }
      if (path.depth() == 3 && "role".equals(path.last())) {
        message.role(value);
      } else if (path.depth() == 3 && "content".equals(path.last()) && value != null && !value.isEmpty()) {
        message.text(value);
      } else if (path.depth() >= 5 && "content".equals(path.segment(2))) {
        block(message, path, 4, value);
      }
    }
  }

  /** A value of a content block whose fields sit at depth {@code at}. */
  private void block(Message target, JsonPath path, int at, String value) {
    String field = path.last();
    if (path.depth() == at + 1) {
      switch (field) {
        case "type":
          blockType = value;
          break;
        case "text":
          if (value != null && ("text".equals(blockType) || blockType == null)) {
            target.text(value);
          }
          break;
        case "id":
          toolCall(target).id(value);
          break;
        case "name":
          toolCall(target).name(value);
          break;
        case "tool_use_id":
          toolResponse(target).id(value);
          break;
        case "content":
          toolResponse(target).append(value);
          break;
        default:
          break;
      }
    } else if (path.depth() == at + 2 && "source".equals(path.segment(at))) {
      if ("media_type".equals(field)) {
        mediaType = value;
      } else if ("data".equals(field)) {
        blob(target, modality(mediaType == null && "document".equals(blockType) ? "application/pdf" : mediaType),
            mediaType, value);
      } else if ("url".equals(field)) {
        target.uri("document".equals(blockType) ? "file" : "image", value);
      }
    } else if (path.depth() == at + 3 && "content".equals(path.segment(at)) && "text".equals(field)) {
      toolResponse(target).append(value);
    }
  }

  private void streamValue(JsonPath path, JsonToken token, JsonParser parser, String value) throws IOException {
    if (path.is("index")) {
      blockIndex = index(token, parser, blockIndex);
    } else if (path.is("content_block", "type")) {
      blockType = value;
    } else if (path.is("content_block", "id")) {
      withBlock(value != null, block -> block.id(value));
    } else if (path.is("content_block", "name")) {
      withBlock(true, block -> block.name(value));
    } else if (path.is("content_block", "text") && value != null && !value.isEmpty()) {
      withBlock(false, block -> block.append(value));
    } else if (path.is("delta", "text") || path.is("delta", "partial_json")) {
      withBlock(path.is("delta", "partial_json"), block -> block.append(value));
    } else if (path.is("delta", "stop_reason") && value != null) {
      content.output(0).finishReason(value);
    }
  }

  @Override
  protected Part newBlock(boolean tool) {
    return super.newBlock(tool || "tool_use".equals(blockType));
  }

  @Override
  protected void eventStart(String name) {
    blockType = null;
  }

  @Override
  protected void end(JsonPath path) {
    if (path.is("messages", "[]")) {
      message = null;
    } else if (path.is("messages", "[]", "content", "[]") || path.is("content", "[]")) {
      part = null;
      blockType = null;
      mediaType = null;
    }
  }
}
