package io.aitap.agent.protocol.anthropic;

import io.aitap.agent.capture.ConversationReader;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ApiProtocol;
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
import io.aitap.agent.protocol.sse.JsonEventStreamParser;

/** Anthropic's Messages API ({@code /v1/messages}), direct or through Vertex AI's rawPredict. */
public final class AnthropicMessages implements ApiProtocol {

  public static final AnthropicMessages INSTANCE = new AnthropicMessages();

  private AnthropicMessages() {}

  /** Whether the path is the Messages API's, under any prefix a relay puts before it. */
  public static boolean isMessagesPath(String rawPath) {
    return PathSegments.endsWith(rawPath, "/v1/messages");
  }

  /** {@link io.aitap.agent.protocol.ApiPaths} of the Messages API. */
  public static AiEndpoint endpoint(String provider, String host, int port, String rawPath) {
    return isMessagesPath(rawPath) ? new AiEndpoint(provider, INSTANCE, host, port, null) : null;
  }

  @Override
  public String operationName() {
    return "chat";
  }

  @Override
  public RequestScanner newRequestScanner(RequestFacts request) {
    return requestScanner(request);
  }

  /** A Messages request, also the body of an Anthropic model's InvokeModel on Bedrock. */
  public static RequestScanner requestScanner(RequestFacts request) {
    return JsonRequestFields.scanner(request, ConversationReader.request(request.content, MessagesContent::new));
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    JsonEventHandler fields = responseFields(response);
    return head.isEventStream() ? new JsonEventStreamParser(fields) : new JsonScanner(fields);
  }

  /** What a Messages answer says, whole or event by event (also on Bedrock, whatever its framing). */
  public static JsonEventHandler responseFields(ResponseFacts response) {
    return Tee.of(new AnthropicFields(response), ConversationReader.response(response.content, MessagesContent::new));
  }
}
