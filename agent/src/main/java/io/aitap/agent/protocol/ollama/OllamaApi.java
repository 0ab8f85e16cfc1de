package io.aitap.agent.protocol.ollama;

import io.aitap.agent.capture.ConversationReader;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.PathSegments;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonRequestFields;
import io.aitap.agent.protocol.json.JsonScanner;
import io.aitap.agent.protocol.json.NdjsonParser;
import io.aitap.agent.protocol.json.Tee;
import io.aitap.agent.protocol.json.JsonEventHandler;

/**
 * Ollama's native API: {@code /api/chat}, {@code /api/generate}, {@code /api/embed}. Chat and
 * generate stream NDJSON unless the request says {@code "stream": false}; sampling parameters sit
 * under {@code options}.
 */
public final class OllamaApi implements ApiProtocol {

  public static final OllamaApi CHAT = new OllamaApi("chat", true);
  public static final OllamaApi GENERATE = new OllamaApi("text_completion", true);
  public static final OllamaApi EMBED = new OllamaApi("embeddings", false);

  private final String operationName;
  private final boolean streamsByDefault;

  private OllamaApi(String operationName, boolean streamsByDefault) {
    this.operationName = operationName;
    this.streamsByDefault = streamsByDefault;
  }

  /** The API a native Ollama path names, under any prefix a proxy puts before it; or null. */
  private static OllamaApi forPath(String rawPath) {
    if (PathSegments.endsWith(rawPath, "/api/chat")) {
      return CHAT;
    }
    if (PathSegments.endsWith(rawPath, "/api/generate")) {
      return GENERATE;
    }
    if (PathSegments.endsWith(rawPath, "/api/embed") || PathSegments.endsWith(rawPath, "/api/embeddings")) {
      return EMBED;
    }
    return null;
  }

  /** {@link io.aitap.agent.protocol.ApiPaths} of Ollama's native API. */
  public static AiEndpoint endpoint(String provider, String host, int port, String rawPath) {
    OllamaApi api = forPath(rawPath);
    return api == null ? null : new AiEndpoint(provider, api, host, port, null);
  }

  @Override
  public String operationName() {
    return operationName;
  }

  @Override
  public RequestScanner newRequestScanner(RequestFacts request) {
    request.stream = streamsByDefault;
    return JsonRequestFields.scanner(request, "options", "num_predict", "top_p",
        this == EMBED ? null : ConversationReader.request(request.content, OllamaContent::new));
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    JsonEventHandler fields = new OllamaFields(response, head.status());
    if (this != EMBED) {
      fields = Tee.of(fields, ConversationReader.response(response.content, OllamaContent::new));
    }
    return head.mediaType().equals("application/x-ndjson") ? new NdjsonParser(fields) : new JsonScanner(fields);
  }
}
