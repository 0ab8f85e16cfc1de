package io.aitap.agent.protocol.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ContentReader;
import io.aitap.agent.capture.ConversationReader;
import io.aitap.agent.capture.Part;
import io.aitap.agent.capture.StreamedParts;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * The messages of Chat Completions (and the prompt of legacy Completions): {@code messages} of a
 * request; {@code choices} of a response, whole or as stream deltas, tool calls assembled by their
 * index. System and developer messages stay input messages with their role, as the OpenAI Java
 * instrumentation records them. Cohere's v2 chat requests have the same shape.
 */
public final class ChatContent {

  private ChatContent() {}

  public static ContentReader request(CallContent content) {
    return content == null ? null : new Request(content);
  }

  static ContentReader response(CallContent content) {
    return content == null ? null : new Response(content);
  }

  private static final class Request extends ConversationReader {
    private String toolCallId;

    Request(CallContent content) {
      super(content, true);
    }

    @Override
    protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
      if (path.is("prompt")) {
        String prompt = text(token, parser);
        if (prompt != null) {
          content.newInput("user").text(prompt);
        }
        return;
      }
      if (path.depth() < 3 || !path.startsWith("messages", "[]")) {
        return;
      }
      if (message == null) {
        message = content.newInput(null);
      }
      String field = path.last();
      String value = text(token, parser);
      if (path.depth() == 3) {
        if ("role".equals(field)) {
          message.role(value);
        } else if ("content".equals(field) && value != null && !value.isEmpty()) {
          message.text(value);
        } else if ("tool_call_id".equals(field)) {
          toolCallId = value;
        }
      } else if ("content".equals(path.segment(2))) {
        contentPart(path, field, value);
      } else if ("tool_calls".equals(path.segment(2)) && path.depth() >= 5) {
        Part tool = toolCall(message);
        if (path.depth() == 5 && "id".equals(field)) {
          tool.id(value);
        } else if (path.depth() == 6 && "name".equals(field)) {
          tool.name(value);
        } else if (path.depth() == 6 && "arguments".equals(field)) {
          tool.append(value);
        }
      }
    }

    private void contentPart(JsonPath path, String field, String value) {
      if (path.depth() == 5 && ("text".equals(field) || "refusal".equals(field)) && value != null && !value.isEmpty()) {
        message.text(value);
      } else if (path.depth() == 6 && "image_url".equals(path.segment(4)) && "url".equals(field)) {
        imageUrl(message, value);
      } else if (path.depth() == 6 && "input_audio".equals(path.segment(4)) && "data".equals(field)) {
        blob(message, "audio", null, value);
      } else if (path.depth() == 6 && "file".equals(path.segment(4)) && "file_data".equals(field)) {
        blob(message, "file", null, value);
      }
    }

    @Override
    protected void end(JsonPath path) {
      if (path.is("messages", "[]")) {
        endMessage(toolCallId);
        toolCallId = null;
      } else if (path.is("messages", "[]", "tool_calls", "[]")) {
        part = null;
      }
    }
  }

  private static final class Response extends ContentReader {
    private final StreamedParts tools = new StreamedParts();
    private int choice;
    private int choicePosition;
    private int tool;
    private int toolPosition;

    Response(CallContent content) {
      super(content);
    }

    @Override
    protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
      if (path.depth() < 3 || !path.startsWith("choices", "[]")) {
        return;
      }
      String field = path.last();
      if (path.depth() == 3) {
        if ("index".equals(field)) {
          choice = index(token, parser, choice);
        } else if ("finish_reason".equals(field) && token == JsonToken.VALUE_STRING) {
          content.output(choice).finishReason(parser.getText());
        } else if ("text".equals(field)) {
          appendText(text(token, parser));
        }
        return;
      }
      String part = path.segment(2);
      if (!"message".equals(part) && !"delta".equals(part)) {
        return;
      }
      if (path.depth() == 4 && ("content".equals(field) || "refusal".equals(field))) {
        appendText(text(token, parser));
      } else if (path.depth() >= 6 && "tool_calls".equals(path.segment(3))) {
        toolCall(path, field, token, parser);
      }
    }

    private void appendText(String value) {
      if (value != null && !value.isEmpty()) {
        content.output(choice).appendText(value);
      }
    }

    private void toolCall(JsonPath path, String field, JsonToken token, JsonParser parser) throws IOException {
      if (path.depth() == 6 && "index".equals(field)) {
        tool = index(token, parser, tool);
        return;
      }
      Part part = toolPart();
      if (part == null) {
        return;
      }
      if (path.depth() == 6 && "id".equals(field)) {
        part.id(text(token, parser));
      } else if (path.depth() == 7 && "name".equals(field)) {
        part.name(text(token, parser));
      } else if (path.depth() == 7 && "arguments".equals(field)) {
        part.append(text(token, parser));
      }
    }

    private Part toolPart() {
      long key = ((long) choice << 32) | (tool & 0xffffffffL);
      return tools.partIfRoom(key, () -> content.output(choice).toolCall(null, null));
    }

    @Override
    protected void end(JsonPath path) {
      if (path.depth() == 5 && path.startsWith("choices", "[]") && "tool_calls".equals(path.segment(3))) {
        toolPosition++;
        tool = toolPosition;
      } else if (path.is("choices", "[]")) {
        choicePosition++;
        choice = choicePosition;
        toolPosition = 0;
        tool = 0;
      } else if (path.depth() == 0) {
        // a new chunk of a stream numbers its choices from its own start
        choicePosition = 0;
        choice = 0;
      }
    }
  }
}
