package io.aitap.smoke.clients.sdk;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An application using the official openai-java SDK (on OkHttp) and nothing else: chat completions
 * ({@code chat}, {@code chat-async}, {@code chat-stream}), the Responses API ({@code responses},
 * {@code responses-stream}) and {@code embeddings}. Retries are off, so each call is one HTTP
 * exchange.
 */
public final class OpenAiJavaProgram {

  public static void main(String[] args) throws Exception {
    SdkRunner.run(args, OpenAiJavaProgram::call,
        failure -> failure instanceof OpenAIServiceException ? ((OpenAIServiceException) failure).statusCode() : null);
  }

  private static SdkOutcome call(SdkCall call) throws Exception {
    OpenAIClient client = OpenAIOkHttpClient.builder()
        .baseUrl(call.origin() + "/v1")
        .apiKey(call.apiKey())
        .maxRetries(0)
        .build();
    try {
      switch (call.operation()) {
        case "chat":
          return completion(client.chat().completions().create(chatParams(call, false)));
        case "chat-async":
          return completion(client.async().chat().completions().create(chatParams(call, false)).get());
        case "chat-stream":
          return streamedCompletion(client, chatParams(call, true));
        case "responses":
          return response(client.responses().create(responseParams(call)));
        case "responses-stream":
          return streamedResponse(client, responseParams(call));
        case "embeddings":
          return embeddings(client, call);
        default:
          throw new IllegalArgumentException("unknown operation " + call.operation());
      }
    } finally {
      client.close();
    }
  }

  private static ChatCompletionCreateParams chatParams(SdkCall call, boolean stream) {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
        .model(call.model())
        .addUserMessage(SdkQuestions.CHAT)
        .maxCompletionTokens(SdkQuestions.MAX_TOKENS)
        .temperature(SdkQuestions.TEMPERATURE)
        .topP(SdkQuestions.TOP_P);
    if (stream) {
      params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    }
    call.extraHeaders().forEach(params::putAdditionalHeader);
    return params.build();
  }

  private static SdkOutcome completion(ChatCompletion completion) {
    ChatCompletion.Choice choice = completion.choices().get(0);
    return new SdkOutcome()
        .put("id", completion.id())
        .put("model", completion.model())
        .put("text", choice.message().content())
        .put("finish", choice.finishReason().asString())
        .put("usage", completion.usage().map(OpenAiJavaProgram::usage));
  }

  private static SdkOutcome streamedCompletion(OpenAIClient client, ChatCompletionCreateParams params) {
    StringBuilder text = new StringBuilder();
    List<String> finishes = new ArrayList<>();
    String[] usage = {null};
    int chunks = 0;
    try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
      for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
        chunks++;
        for (ChatCompletionChunk.Choice choice : chunk.choices()) {
          choice.delta().content().ifPresent(text::append);
          choice.finishReason().ifPresent(reason -> finishes.add(reason.asString()));
        }
        chunk.usage().ifPresent(u -> usage[0] = usage(u));
      }
    }
    return new SdkOutcome().put("chunks", chunks).put("text", text.toString()).put("finish", finishes)
        .put("usage", usage[0]);
  }

  private static String usage(CompletionUsage usage) {
    return usage.promptTokens() + " in, " + usage.completionTokens() + " out, " + usage.totalTokens() + " total, "
        + usage.promptTokensDetails().flatMap(d -> d.cachedTokens()).orElse(null) + " cached, "
        + usage.completionTokensDetails().flatMap(d -> d.reasoningTokens()).orElse(null) + " reasoning";
  }

  private static ResponseCreateParams responseParams(SdkCall call) {
    ResponseCreateParams.Builder params = ResponseCreateParams.builder()
        .model(call.model())
        .input(SdkQuestions.SUMMARY);
    call.extraHeaders().forEach(params::putAdditionalHeader);
    return params.build();
  }

  private static SdkOutcome response(Response response) {
    StringBuilder text = new StringBuilder();
    response.output().forEach(item -> item.message().ifPresent(message -> message.content()
        .forEach(content -> content.outputText().ifPresent(output -> text.append(output.text())))));
    return new SdkOutcome()
        .put("id", response.id())
        .put("status", response.status().map(status -> status.asString()))
        .put("text", text.toString())
        .put("usage", response.usage().map(u -> u.inputTokens() + " in, " + u.outputTokens() + " out, "
            + u.outputTokensDetails().reasoningTokens() + " reasoning"));
  }

  private static SdkOutcome streamedResponse(OpenAIClient client, ResponseCreateParams params) {
    StringBuilder deltas = new StringBuilder();
    Optional<Response> completed = Optional.empty();
    int events = 0;
    try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params)) {
      for (ResponseStreamEvent event : (Iterable<ResponseStreamEvent>) stream.stream()::iterator) {
        events++;
        event.outputTextDelta().ifPresent(delta -> deltas.append(delta.delta()));
        if (event.completed().isPresent()) {
          completed = Optional.of(event.completed().get().response());
        }
      }
    }
    return new SdkOutcome().put("events", events).put("deltas", deltas.toString())
        .put("completed", completed.map(OpenAiJavaProgram::response).map(SdkOutcome::describe));
  }

  private static SdkOutcome embeddings(OpenAIClient client, SdkCall call) {
    EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder()
        .model(call.model())
        .input(SdkQuestions.EMBEDDING);
    call.extraHeaders().forEach(params::putAdditionalHeader);
    CreateEmbeddingResponse response = client.embeddings().create(params.build());
    return new SdkOutcome()
        .put("vectors", response.data().size())
        .put("dimensions", response.data().get(0).embedding().size())
        .put("first", response.data().get(0).embedding().get(0))
        .put("usage", response.usage().promptTokens() + " in, " + response.usage().totalTokens() + " total");
  }
}
