package io.aitap.smoke.replay;

/**
 * The API a fixture answers, told by its path as the providers document them, and what the
 * conventions and docs/design.md §4 say follows from it: the operation name, where the request names the
 * model, and how the provider's native token counts add up to the normalised ones.
 */
public enum ProviderApi {
  CHAT_COMPLETIONS("chat", false),
  RESPONSES("chat", false),
  EMBEDDINGS("embeddings", false),
  ANTHROPIC_MESSAGES("chat", false),
  /** Anthropic's Messages on Vertex AI ({@code :rawPredict}, {@code :streamRawPredict}): the model is in the path. */
  VERTEX_ANTHROPIC_MESSAGES("chat", true),
  GEMINI_GENERATE_CONTENT("generate_content", true),
  BEDROCK_CONVERSE("chat", true),
  /** InvokeModel: the body is the model vendor's own. */
  BEDROCK_INVOKE("chat", true),
  COHERE_CHAT("chat", false),
  OLLAMA_CHAT("chat", false),
  OLLAMA_GENERATE("text_completion", false),
  OLLAMA_EMBED("embeddings", false);

  /** {@code gen_ai.operation.name}. */
  final String operationName;
  /** The URL names the model; the request body does not. */
  final boolean modelInPath;

  ProviderApi(String operationName, boolean modelInPath) {
    this.operationName = operationName;
    this.modelInPath = modelInPath;
  }

  static ProviderApi of(Fixture fixture) {
    String path = fixture.pathAndQuery();
    int query = path.indexOf('?');
    path = query < 0 ? path : path.substring(0, query);
    if (path.endsWith("/chat/completions")) {
      return CHAT_COMPLETIONS;
    }
    if (path.endsWith("/responses")) {
      return RESPONSES;
    }
    if (path.endsWith("/embeddings")) {
      return EMBEDDINGS;
    }
    if (path.equals("/v1/messages")) {
      return ANTHROPIC_MESSAGES;
    }
    if (path.endsWith(":rawPredict") || path.endsWith(":streamRawPredict")) {
      return VERTEX_ANTHROPIC_MESSAGES;
    }
    if (path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent")) {
      return GEMINI_GENERATE_CONTENT;
    }
    if (path.startsWith("/model/") && (path.endsWith("/converse") || path.endsWith("/converse-stream"))) {
      return BEDROCK_CONVERSE;
    }
    if (path.startsWith("/model/") && path.endsWith("/invoke")) {
      return BEDROCK_INVOKE;
    }
    switch (path) {
      case "/v2/chat":
        return COHERE_CHAT;
      case "/api/chat":
        return OLLAMA_CHAT;
      case "/api/generate":
        return OLLAMA_GENERATE;
      case "/api/embed":
        return OLLAMA_EMBED;
      default:
        throw new IllegalArgumentException("no API known for " + fixture.pathAndQuery() + " of " + fixture);
    }
  }

  /**
   * Whether the native input count leaves out cache reads and writes (Anthropic's Messages format,
   * wherever it is served, and Bedrock's Converse for Claude), so the normalised input adds them.
   */
  boolean countsCacheApartFromInput() {
    return this == ANTHROPIC_MESSAGES || this == VERTEX_ANTHROPIC_MESSAGES || this == BEDROCK_CONVERSE;
  }

  /** Whether the native output count leaves out the thinking tokens (Gemini), so the normalised output adds them. */
  boolean countsReasoningApartFromOutput() {
    return this == GEMINI_GENERATE_CONTENT;
  }
}
