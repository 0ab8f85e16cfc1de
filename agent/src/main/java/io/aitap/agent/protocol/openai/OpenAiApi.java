package io.aitap.agent.protocol.openai;

import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonEventHandler;
import io.aitap.agent.protocol.json.JsonRequestFields;
import io.aitap.agent.protocol.json.JsonScanner;
import io.aitap.agent.protocol.json.Tee;
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
    if (kind == Kind.EMBEDDINGS) {
      return JsonRequestFields.scanner(request);
    }
    return JsonRequestFields.scanner(request,
        kind == Kind.RESPONSES ? ResponsesContent.request(request.content) : ChatContent.request(request.content));
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    if (head.isError() && !head.isEventStream()) {
      return new JsonScanner(OpenAiErrorFields.body(response));
    }
    boolean stream = head.isEventStream();
    JsonEventHandler fields;
    if (kind == Kind.RESPONSES) {
      fields = Tee.of(new ResponsesFields(response, stream), ResponsesContent.response(response.content, stream));
    } else {
      ChoicesFields choices = new ChoicesFields(response, reasoningBesideCompletion);
      fields = kind == Kind.EMBEDDINGS ? choices : Tee.of(choices, ChatContent.response(response.content));
    }
    return stream ? new JsonEventStreamParser(fields) : new JsonScanner(fields);
  }
}
