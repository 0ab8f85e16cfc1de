package io.aitap.smoke.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of a Bedrock InvokeModel request, which is the model vendor's own: Anthropic's Messages
 * format, Amazon Nova's (parameters under {@code inferenceConfig}), Meta Llama's (a prompt and
 * {@code max_gen_len}). Each sets the maximum output, temperature and top_p its own way.
 */
final class BedrockInvokeBody {

  private BedrockInvokeBody() {}

  static AiRequest of(String modelId, ObjectNode body) {
    if (modelId.contains("anthropic.")) {
      body.put("anthropic_version", "bedrock-2023-05-31");
      AiRequest.withQuestion(body);
      body.put("max_tokens", AiRequest.CHAT_MAX_TOKENS).put("temperature", AiRequest.CHAT_TEMPERATURE)
          .put("top_p", AiRequest.CHAT_TOP_P);
    } else if (modelId.contains("amazon.nova")) {
      AiRequest.withQuestionInBlocks(body);
      body.putObject("inferenceConfig").put("max_new_tokens", AiRequest.CHAT_MAX_TOKENS)
          .put("temperature", AiRequest.CHAT_TEMPERATURE).put("topP", AiRequest.CHAT_TOP_P);
    } else if (modelId.contains("meta.llama")) {
      body.put("prompt", AiRequest.QUESTION);
      body.put("max_gen_len", AiRequest.CHAT_MAX_TOKENS).put("temperature", AiRequest.CHAT_TEMPERATURE)
          .put("top_p", AiRequest.CHAT_TOP_P);
    } else {
      throw new IllegalArgumentException("no InvokeModel body for " + modelId);
    }
    return AiRequest.sampled(body);
  }
}
