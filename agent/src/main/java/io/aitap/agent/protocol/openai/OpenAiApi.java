package io.aitap.agent.protocol.openai;

import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonBodyParser;
import io.aitap.agent.protocol.json.JsonRequestFields;
import io.aitap.agent.protocol.sse.JsonEventStreamParser;

/** One API of the OpenAI family: JSON requests, JSON or server-sent-event responses, one error shape. */
final class OpenAiApi implements ApiProtocol {

  enum Kind {
    CHAT_COMPLETIONS("chat"),
    COMPLETIONS("text_completion"),
    EMBEDDINGS("embeddings"),
    RESPONSES("chat");

    final String operationName;

    Kind(String operationName) {
      this.operationName = operationName;
    }
  }

  private final Kind kind;
  private final boolean reasoningBesideCompletion;

  OpenAiApi(Kind kind) {
    this(kind, false);
  }

  OpenAiApi(Kind kind, boolean reasoningBesideCompletion) {
    this.kind = kind;
    this.reasoningBesideCompletion = reasoningBesideCompletion;
  }

  @Override
  public String operationName() {
    return kind.operationName;
  }

  @Override
  public RequestScanner newRequestScanner(RequestFacts request) {
    return JsonRequestFields.scanner(request);
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    if (head.isError() && !head.isEventStream()) {
      return new JsonBodyParser(new OpenAiErrorFields(response));
    }
    if (kind == Kind.RESPONSES) {
      return head.isEventStream()
          ? new JsonEventStreamParser(new ResponsesFields(response, true))
          : new JsonBodyParser(new ResponsesFields(response, false));
    }
    return head.isEventStream()
        ? new JsonEventStreamParser(new ChoicesFields(response, reasoningBesideCompletion))
        : new JsonBodyParser(new ChoicesFields(response, reasoningBesideCompletion));
  }
}
