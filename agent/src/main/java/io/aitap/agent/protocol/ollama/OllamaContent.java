package io.aitap.agent.protocol.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ConversationReader;
import io.aitap.agent.capture.Part;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * The messages of Ollama's native API: {@code messages} of a chat request ({@code images} are
 * base64), {@code prompt} and {@code system} of a generate request; {@code message} of a chat
 * answer and {@code response} of a generate answer, line by line in a stream.
 */
final class OllamaContent extends ConversationReader {

  private String toolName;

  OllamaContent(CallContent content, boolean request) {
    super(content, request);
  }

  @Override
  protected Part objectPart(JsonPath path) {
    return part != null && opens(path, "function", "arguments") ? part : null;
  }

  @Override
  protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    String value = text(token, parser);
    if (request) {
      requestValue(path, value);
      return;
    }
    if ((path.is("message", "content") || path.is("response")) && value != null && !value.isEmpty()) {
      content.output(0).appendText(value);
    } else if (path.is("done_reason") && value != null) {
      content.output(0).finishReason(value);
    } else if (path.is("message", "tool_calls", "[]", "function", "name")) {
      part = content.output(0).toolCall(null, value);
    }
  }

  private void requestValue(JsonPath path, String value) {
    if (path.is("system") && value != null) {
      content.system().text(value);
    } else if (path.is("prompt") && value != null) {
      content.newInput("user").text(value);
    } else if (path.is("images", "[]")) {
      blob(content.newInput("user"), "image", null, value);
    } else if (path.depth() >= 3 && path.startsWith("messages", "[]")) {
      if (message == null) {
        message = content.newInput(null);
      }
      if (path.is("messages", "[]", "role")) {
        message.role(value);
      } else if (path.is("messages", "[]", "content") && value != null && !value.isEmpty()) {
        message.text(value);
      } else if (path.is("messages", "[]", "tool_name")) {
        toolName = value;
      } else if (path.is("messages", "[]", "images", "[]")) {
        blob(message, "image", null, value);
      } else if (path.is("messages", "[]", "tool_calls", "[]", "function", "name")) {
        part = message.toolCall(null, value);
      }
    }
  }

  @Override
  protected void end(JsonPath path) {
    if (path.is("messages", "[]")) {
      endMessage(toolName);
      toolName = null;
    }
  }
}
