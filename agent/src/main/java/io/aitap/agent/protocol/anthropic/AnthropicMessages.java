package io.aitap.agent.protocol.anthropic;

import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonBodyParser;
import io.aitap.agent.protocol.json.JsonRequestScanner;
import io.aitap.agent.protocol.sse.JsonEventStreamParser;

/** Anthropic's Messages API ({@code /v1/messages}), direct or through Vertex AI's rawPredict. */
public final class AnthropicMessages implements ApiProtocol {

  public static final AnthropicMessages INSTANCE = new AnthropicMessages();

  private AnthropicMessages() {}

  @Override
  public String operationName() {
    return "chat";
  }

  @Override
  public RequestScanner newRequestScanner(RequestFacts request) {
    return new JsonRequestScanner(request);
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    AnthropicFields fields = new AnthropicFields(response);
    return head.isEventStream() ? new JsonEventStreamParser(fields) : new JsonBodyParser(fields);
  }
}
