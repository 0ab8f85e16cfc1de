package io.aitap.agent.protocol.gemini;

import io.aitap.agent.capture.ConversationReader;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.PercentDecoding;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.anthropic.AnthropicMessages;
import io.aitap.agent.protocol.json.JsonEventHandler;
import io.aitap.agent.protocol.json.JsonRequestFields;
import io.aitap.agent.protocol.json.JsonScanner;
import io.aitap.agent.protocol.json.Tee;
import io.aitap.agent.protocol.sse.JsonEventStreamParser;

/**
 * Gemini's {@code generateContent} and {@code streamGenerateContent}, on the Gemini API and on
 * Vertex AI. The model is in the path; a stream is either server-sent events ({@code alt=sse}) or
 * one JSON array of responses, read element by element as it arrives.
 */
public final class GeminiGenerateContent implements ApiProtocol {

  public static final GeminiGenerateContent GENERATE = new GeminiGenerateContent(false);
  public static final GeminiGenerateContent STREAM = new GeminiGenerateContent(true);

  private final boolean stream;

  private GeminiGenerateContent(boolean stream) {
    this.stream = stream;
  }

  /**
   * {@link io.aitap.agent.protocol.ApiPaths} of Gemini: {@code …/models/{model}:generateContent}, the
   * model from the path; on Vertex AI, Anthropic models answer {@code :rawPredict} in their own API.
   */
  public static AiEndpoint endpoint(String provider, String host, int port, String rawPath) {
    int models = rawPath.lastIndexOf("/models/");
    int colon = rawPath.lastIndexOf(':');
    if (models < 0 || colon < models) {
      return null;
    }
    ApiProtocol api = forMethod(rawPath.substring(colon + 1));
    return api == null ? null : new AiEndpoint(provider, api, host, port,
        PercentDecoding.lenient(rawPath.substring(models + "/models/".length(), colon)));
  }

  @Override
  public String operationName() {
    return "generate_content";
  }

  @Override
  public RequestScanner newRequestScanner(RequestFacts request) {
    request.stream = stream;
    return JsonRequestFields.scanner(request, "generationConfig", "maxOutputTokens", "topP",
        ConversationReader.request(request.content, GeminiContent::new));
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    JsonEventHandler fields =
        Tee.of(new GeminiFields(response), ConversationReader.response(response.content, GeminiContent::new));
    return head.isEventStream() ? new JsonEventStreamParser(fields) : new JsonScanner(fields);
  }

  /** The API the method after the model's colon names, or null. */
  private static ApiProtocol forMethod(String method) {
    switch (method) {
      case "generateContent":
        return GENERATE;
      case "streamGenerateContent":
        return STREAM;
      case "rawPredict":
      case "streamRawPredict":
        return AnthropicMessages.INSTANCE;
      default:
        return null;
    }
  }
}
