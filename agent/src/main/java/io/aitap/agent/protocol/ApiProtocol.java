package io.aitap.agent.protocol;

/**
 * One API shape of one provider family (OpenAI Chat Completions, Anthropic Messages, …): which
 * operation it is and how its bodies are read. Stateless; parsers it creates hold the per-call state.
 */
public interface ApiProtocol {

  /** {@code gen_ai.operation.name}: chat, text_completion, embeddings, generate_content, … */
  String operationName();

  RequestScanner newRequestScanner(RequestFacts request);

  /**
   * A parser for the response described by {@code head}: its framing (JSON, SSE, NDJSON, event
   * stream) follows from the head, an error status selects the provider's error body.
   */
  ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response);
}
