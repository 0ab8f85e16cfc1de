package io.aitap.agent.protocol.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.HttpStatusNames;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonValues;
import io.aitap.agent.protocol.json.EventFields;
import io.aitap.agent.protocol.json.EventShape;
import java.io.IOException;

/**
 * An Ollama response or stream line: the final one ({@code "done": true}) carries
 * {@code done_reason}, {@code prompt_eval_count} and {@code eval_count}. Errors are only
 * {@code {"error": "…"}}: the type comes from the status, or is {@code error} inside a 200 stream.
 */
final class OllamaFields extends EventFields {

  /** A line of output, read as {@link #onValue} would read it: what it does not name changes nothing. */
  private static final EventShape LINE = EventShape.object(EventShape.IGNORED)
      .with("model", EventShape.MODEL)
      .with("message", EventShape.object(EventShape.IGNORED).with("content", EventShape.OUTPUT))
      .with("response", EventShape.OUTPUT)
      .with("done_reason", EventShape.READ)
      .with("prompt_eval_count", EventShape.READ)
      .with("eval_count", EventShape.READ)
      .with("error", EventShape.READ);

  private final int status;

  OllamaFields(ResponseFacts response, int status) {
    super(response, null, LINE, LINE);
    this.status = status;
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (path.is("message", "content")) {
      markOutput(token, parser);
      return;
    }
    if (path.depth() != 1) {
      return;
    }
    switch (path.last()) {
      case "model":
        response.model = JsonValues.isNonEmptyString(token, parser)
            ? JsonValues.text(parser, response.model) : JsonValues.asText(token, parser);
        break;
      case "done_reason":
        response.setFinishReason(JsonValues.asText(token, parser));
        break;
      case "prompt_eval_count":
        response.inputTokens = JsonValues.asLong(token, parser);
        break;
      case "eval_count":
        response.outputTokens = JsonValues.asLong(token, parser);
        break;
      case "response":
        markOutput(token, parser);
        break;
      case "error":
        response.errorType = status >= 400 ? HttpStatusNames.of(status) : "error";
        response.failedInBody = status < 400;
        break;
      default:
        break;
    }
  }

  private void markOutput(JsonToken token, JsonParser parser) throws IOException {
    if (JsonValues.isNonEmptyString(token, parser)) {
      carriesOutput();
    }
  }
}
