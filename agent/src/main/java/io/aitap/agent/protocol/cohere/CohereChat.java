package io.aitap.agent.protocol.cohere;

import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.HttpStatusNames;
import io.aitap.agent.protocol.PathSegments;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonEventHandler;
import io.aitap.agent.protocol.json.JsonRequestFields;
import io.aitap.agent.protocol.json.JsonScanner;
import io.aitap.agent.protocol.json.Tee;
import io.aitap.agent.protocol.openai.ChatContent;
import io.aitap.agent.protocol.sse.JsonEventStreamParser;

/**
 * Cohere's v2 chat ({@code /v2/chat}). Its error bodies carry only a message, so an error's type is
 * its status. Token attributes come from {@code usage.tokens} (what was processed), not from
 * {@code usage.billed_units}.
 */
public final class CohereChat implements ApiProtocol {

  public static final CohereChat INSTANCE = new CohereChat();

  private CohereChat() {}

  /** {@link io.aitap.agent.protocol.ApiPaths} of Cohere's v2 chat, under any prefix. */
  public static AiEndpoint endpoint(String provider, String host, int port, String rawPath) {
    return PathSegments.endsWith(rawPath, "/v2/chat") ? new AiEndpoint(provider, INSTANCE, host, port, null) : null;
  }

  @Override
  public String operationName() {
    return "chat";
  }

  /** Cohere calls top_p {@code p}. */
  @Override
  public RequestScanner newRequestScanner(RequestFacts request) {
    return JsonRequestFields.scanner(request, null, "max_tokens", "p", ChatContent.request(request.content));
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    if (head.isError()) {
      response.errorType = HttpStatusNames.of(head.status());
    }
    JsonEventHandler fields = Tee.of(new CohereFields(response), CohereContent.response(response.content));
    return head.isEventStream() ? new JsonEventStreamParser(fields) : new JsonScanner(fields);
  }
}
