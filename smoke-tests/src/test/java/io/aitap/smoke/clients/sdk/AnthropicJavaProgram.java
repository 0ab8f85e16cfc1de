package io.aitap.smoke.clients.sdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Usage;

/**
 * An application using the official anthropic-java SDK (on OkHttp) and nothing else: Messages
 * {@code messages}, {@code messages-async} and {@code messages-stream}. Retries are off, so each call
 * is one HTTP exchange.
 */
public final class AnthropicJavaProgram {

  public static void main(String[] args) throws Exception {
    SdkRunner.run(args, AnthropicJavaProgram::call, failure -> failure instanceof AnthropicServiceException
        ? ((AnthropicServiceException) failure).statusCode() : null);
  }

  private static SdkOutcome call(SdkCall call) throws Exception {
    AnthropicClient client = AnthropicOkHttpClient.builder()
        .baseUrl(call.origin())
        .apiKey(call.apiKey())
        .maxRetries(0)
        .build();
    try {
      MessageCreateParams.Builder params = MessageCreateParams.builder()
          .model(call.model())
          .maxTokens(SdkQuestions.MAX_TOKENS)
          .addUserMessage(SdkQuestions.CHAT);
      call.extraHeaders().forEach(params::putAdditionalHeader);
      switch (call.operation()) {
        case "messages":
          return message(client.messages().create(params.build()));
        case "messages-async":
          return message(client.async().messages().create(params.build()).get());
        case "messages-stream":
          return streamed(client, params.build());
        default:
          throw new IllegalArgumentException("unknown operation " + call.operation());
      }
    } finally {
      client.close();
    }
  }

  private static SdkOutcome message(Message message) {
    StringBuilder text = new StringBuilder();
    message.content().forEach(block -> block.text().ifPresent(t -> text.append(t.text())));
    Usage usage = message.usage();
    return new SdkOutcome()
        .put("id", message.id())
        .put("model", message.model().asString())
        .put("text", text.toString())
        .put("stop", message.stopReason().map(reason -> reason.asString()))
        .put("usage", usage.inputTokens() + " in, " + usage.outputTokens() + " out, "
            + usage.cacheReadInputTokens().orElse(null) + " cache read, "
            + usage.cacheCreationInputTokens().orElse(null) + " cache write");
  }

  private static SdkOutcome streamed(AnthropicClient client, MessageCreateParams params) {
    StringBuilder text = new StringBuilder();
    SdkOutcome outcome = new SdkOutcome();
    int events = 0;
    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
      for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) stream.stream()::iterator) {
        events++;
        event.messageStart().ifPresent(start -> outcome.put("start", message(start.message()).describe()));
        event.contentBlockDelta().ifPresent(delta -> delta.delta().text().ifPresent(t -> text.append(t.text())));
        event.messageDelta().ifPresent(delta -> outcome
            .put("stop", delta.delta().stopReason().map(reason -> reason.asString()))
            .put("output", delta.usage().outputTokens()));
      }
    }
    return outcome.put("events", events).put("text", text.toString());
  }
}
