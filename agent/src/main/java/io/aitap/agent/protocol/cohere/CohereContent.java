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
 * The answer of Cohere's v2 chat: {@code message} of a response, or a stream's
 * {@code content-delta}, {@code tool-call-start}, {@code tool-call-delta} and {@code message-end}
 * events, whose fields sit under {@code delta}. (Its requests are read as OpenAI chat requests,
 * whose shape they share.)
 */
final class CohereContent extends ContentReader {

  private Part tool;

  private CohereContent(CallContent content) {
    super(content);
  }

  static ContentReader response(CallContent content) {
    return content == null ? null : new CohereContent(content);
  }

  @Override
  protected void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    String value = text(token, parser);
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
}
