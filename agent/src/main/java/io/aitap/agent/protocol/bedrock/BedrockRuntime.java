package io.aitap.agent.protocol.bedrock;

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
import java.util.Locale;

/**
 * The Bedrock runtime: Converse and ConverseStream (one format for every model) and InvokeModel
 * (each vendor's own body; Anthropic's is read, every vendor's token counts come from Bedrock's
 * {@code x-amzn-bedrock-*-token-count} headers, its stop reason from wherever the vendor puts it). The request id is the response id; the error type
 * is the {@code x-amzn-ErrorType} header's name part.
 */
public enum BedrockRuntime implements ApiProtocol {
  CONVERSE("converse"),
  CONVERSE_STREAM("converse-stream"),
  INVOKE("invoke"),
  INVOKE_STREAM("invoke-with-response-stream");

  private static final BedrockRuntime[] OPERATIONS = values();

  /** The last path segment that names the operation. */
  private final String action;

  BedrockRuntime(String action) {
    this.action = action;
  }

  /**
   * {@link io.aitap.agent.protocol.ApiPaths} of the runtime:
   * {@code /model/{percent-encoded model id}/{converse|converse-stream|invoke|invoke-with-response-stream}},
   * under any prefix a gateway puts before it.
   */
  public static AiEndpoint endpoint(String provider, String host, int port, String rawPath) {
    int model = rawPath.indexOf("/model/");
    int slash = rawPath.lastIndexOf('/');
    if (model < 0 || slash <= model + "/model/".length()) {
      return null;
    }
    BedrockRuntime api = forAction(rawPath.substring(slash + 1));
    return api == null ? null : new AiEndpoint(provider, api, host, port,
        PercentDecoding.lenient(rawPath.substring(model + "/model/".length(), slash)));
  }

  /** The operation the last path segment names, or null. */
  private static BedrockRuntime forAction(String action) {
    for (BedrockRuntime operation : OPERATIONS) {
      if (operation.action.equals(action)) {
        return operation;
      }
    }
    return null;
  }

  @Override
  public String operationName() {
    return "chat";
  }

  @Override
  public RequestScanner newRequestScanner(RequestFacts request) {
    request.stream = this == CONVERSE_STREAM || this == INVOKE_STREAM;
    return this == INVOKE || this == INVOKE_STREAM ? invokeScanner(request) : converseScanner(request);
  }

  private static RequestScanner converseScanner(RequestFacts request) {
    return JsonRequestFields.scanner(request, "inferenceConfig", "maxTokens", "topP",
        ConversationReader.request(request.content, ConverseContent::new));
  }

  /**
   * InvokeModel bodies are the vendor's own, so its sampling parameters sit where the vendor puts
   * them; the model id (from the path, known before the body is written) says which vendor it is.
   */
  private static RequestScanner invokeScanner(RequestFacts request) {
    String model = request.model == null ? "" : request.model;
    if (isAnthropic(model)) {
      return AnthropicMessages.requestScanner(request);
    }
    if (model.contains("meta.llama")) {
      return JsonRequestFields.scanner(request, null, "max_gen_len", "top_p");
    }
    if (model.contains("amazon.nova")) {
      return JsonRequestFields.scanner(request, "inferenceConfig", "max_new_tokens", "topP");
    }
    return converseScanner(request);
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    if (head.isError()) {
      response.errorType = errorTypeOf(head.header("x-amzn-errortype"));
      return new JsonScanner((path, token, parser) -> {});
    }
    response.id = head.header("x-amzn-requestid");
    switch (this) {
      case CONVERSE:
        return new JsonScanner(converseFields(response));
      case CONVERSE_STREAM:
        return new EventStreamParser(response, EventStreamParser.json(converseFields(response)));
      case INVOKE_STREAM:
        return new EventStreamParser(response, new InvokeChunks(AnthropicMessages.responseFields(response)));
      default:
        readTokenHeaders(head, response);
        return new JsonScanner(
            isAnthropic(request.model) ? AnthropicMessages.responseFields(response) : new VendorStopReason(response));
    }
  }

  private static JsonEventHandler converseFields(ResponseFacts response) {
    return Tee.of(new ConverseFields(response), ConversationReader.response(response.content, ConverseContent::new));
  }

  private static boolean isAnthropic(String modelId) {
    return modelId != null && modelId.contains("anthropic.");
  }

  private static void readTokenHeaders(ResponseHead head, ResponseFacts response) {
    response.inputTokens = parseLong(head.header("x-amzn-bedrock-input-token-count"));
    response.outputTokens = parseLong(head.header("x-amzn-bedrock-output-token-count"));
  }

  private static Long parseLong(String value) {
    try {
      return value == null ? null : Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code ThrottlingException:http://internal.amazon.com/…} → {@code ThrottlingException}. */
  static String errorTypeOf(String header) {
    if (header == null || header.isEmpty()) {
      return null;
    }
    int colon = header.indexOf(':');
    String name = colon < 0 ? header : header.substring(0, colon);
    return name.isEmpty() ? null : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
