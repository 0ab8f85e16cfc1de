package io.aitap.smoke.clients.sdk;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

/**
 * An application using LangChain4j's Ollama chat models (on the JDK HttpClient) and nothing else:
 * {@code ollama-chat} and {@code ollama-chat-stream}. Its own program: langchain4j-ollama's newest
 * release is behind the OpenAI and Anthropic modules', so it runs on its own class path.
 */
public final class LangChain4jOllamaProgram implements LangChain4jChats.Models {

  public static void main(String[] args) throws Exception {
    SdkRunner.run(args, call -> LangChain4jChats.call(call, new LangChain4jOllamaProgram()),
        LangChain4jChats::statusOf);
  }

  @Override
  public ChatModel chat(SdkCall call) {
    return OllamaChatModel.builder()
        .baseUrl(call.origin()).customHeaders(call.extraHeaders())
        .modelName(call.model()).numPredict(SdkQuestions.MAX_TOKENS)
        .temperature(SdkQuestions.TEMPERATURE).topP(SdkQuestions.TOP_P)
        .maxRetries(0)
        .build();
  }

  @Override
  public StreamingChatModel streaming(SdkCall call) {
    return OllamaStreamingChatModel.builder()
        .baseUrl(call.origin()).customHeaders(call.extraHeaders())
        .modelName(call.model()).numPredict(SdkQuestions.MAX_TOKENS)
        .temperature(SdkQuestions.TEMPERATURE).topP(SdkQuestions.TOP_P)
        .build();
  }
}
