package io.aitap.smoke.clients.sdk;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * An application using LangChain4j's OpenAI and Anthropic chat models (on the JDK HttpClient) and
 * nothing else: {@code openai-chat}, {@code openai-chat-stream}, {@code anthropic-chat},
 * {@code anthropic-chat-stream}. Retries are off, so each call is one HTTP exchange.
 */
public final class LangChain4jProgram {

  public static void main(String[] args) throws Exception {
    SdkRunner.run(args, call -> LangChain4jChats.call(call,
        call.operation().startsWith("openai-") ? new OpenAi() : new Anthropic()), LangChain4jChats::statusOf);
  }

  private static final class OpenAi implements LangChain4jChats.Models {
    @Override
    public ChatModel chat(SdkCall call) {
      return OpenAiChatModel.builder()
          .baseUrl(call.origin() + "/v1").apiKey(call.apiKey()).customHeaders(call.extraHeaders())
          .modelName(call.model()).maxTokens(SdkQuestions.MAX_TOKENS)
          .temperature(SdkQuestions.TEMPERATURE).topP(SdkQuestions.TOP_P)
          .maxRetries(0)
          .build();
    }

    @Override
    public StreamingChatModel streaming(SdkCall call) {
      return OpenAiStreamingChatModel.builder()
          .baseUrl(call.origin() + "/v1").apiKey(call.apiKey()).customHeaders(call.extraHeaders())
          .modelName(call.model()).maxTokens(SdkQuestions.MAX_TOKENS)
          .temperature(SdkQuestions.TEMPERATURE).topP(SdkQuestions.TOP_P)
          .build();
    }
  }

  /** The maximum alone, as the anthropic-java program asks. */
  private static final class Anthropic implements LangChain4jChats.Models {
    @Override
    public ChatModel chat(SdkCall call) {
      return AnthropicChatModel.builder()
          .baseUrl(call.origin() + "/v1").apiKey(call.apiKey()).customHeaders(call.extraHeaders())
          .modelName(call.model()).maxTokens(SdkQuestions.MAX_TOKENS)
          .maxRetries(0)
          .build();
    }

    @Override
    public StreamingChatModel streaming(SdkCall call) {
      return AnthropicStreamingChatModel.builder()
          .baseUrl(call.origin() + "/v1").apiKey(call.apiKey()).customHeaders(call.extraHeaders())
          .modelName(call.model()).maxTokens(SdkQuestions.MAX_TOKENS)
          .build();
    }
  }
}
