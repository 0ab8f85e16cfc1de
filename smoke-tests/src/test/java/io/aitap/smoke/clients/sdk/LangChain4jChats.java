package io.aitap.smoke.clients.sdk;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What every LangChain4j program does with a chat model, whichever provider's: ask the question,
 * plainly ({@code <provider>-chat}) or streaming ({@code <provider>-chat-stream}), and report what
 * LangChain4j hands back.
 */
final class LangChain4jChats {

  private static final long TIMEOUT_SECONDS = 30;

  /** Builds a provider's chat models for one call. */
  interface Models {
    ChatModel chat(SdkCall call);

    StreamingChatModel streaming(SdkCall call);
  }

  private LangChain4jChats() {}

  /** The HTTP status LangChain4j reports a failed call with, or null. */
  static Integer statusOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException) {
        return ((HttpException) cause).statusCode();
      }
    }
    return null;
  }

  static SdkOutcome call(SdkCall call, Models models) throws Exception {
    if (call.operation().endsWith("-chat")) {
      return response(models.chat(call).chat(UserMessage.from(SdkQuestions.CHAT)));
    }
    if (call.operation().endsWith("-chat-stream")) {
      return streamed(models.streaming(call));
    }
    throw new IllegalArgumentException("unknown operation " + call.operation());
  }

  private static SdkOutcome streamed(StreamingChatModel model) throws Exception {
    StringBuilder partials = new StringBuilder();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    model.chat(SdkQuestions.CHAT, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        partials.append(partial).append('|');
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    return response(done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).put("partials", partials.toString());
  }

  private static SdkOutcome response(ChatResponse response) {
    TokenUsage usage = response.tokenUsage();
    return new SdkOutcome()
        .put("id", response.id())
        .put("model", response.modelName())
        .put("text", response.aiMessage().text())
        .put("finish", response.finishReason())
        .put("usage", usage == null ? null
            : usage.inputTokenCount() + " in, " + usage.outputTokenCount() + " out, " + usage.totalTokenCount()
                + " total");
  }
}
