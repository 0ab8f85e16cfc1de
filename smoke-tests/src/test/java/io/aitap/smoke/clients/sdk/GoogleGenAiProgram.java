package io.aitap.smoke.clients.sdk;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * An application using the official google-genai SDK (Gemini Developer API, on OkHttp) and nothing
 * else: {@code generate} and {@code generate-stream}. One attempt per call, so each call is one
 * HTTP exchange.
 */
public final class GoogleGenAiProgram {

  public static void main(String[] args) throws Exception {
    SdkRunner.run(args, GoogleGenAiProgram::call,
        failure -> failure instanceof ApiException ? ((ApiException) failure).code() : null);
  }

  private static SdkOutcome call(SdkCall call) {
    try (Client client = Client.builder()
        .apiKey(call.apiKey())
        .httpOptions(HttpOptions.builder()
            .baseUrl(call.origin())
            // the recorded calls used v1beta, where the newest features are; the SDK's default is v1
            .apiVersion(call.uri().getPath().split("/")[1])
            .headers(call.extraHeaders())
            .retryOptions(HttpRetryOptions.builder().attempts(1))
            .build())
        .build()) {
      GenerateContentConfig config = GenerateContentConfig.builder()
          .maxOutputTokens(SdkQuestions.MAX_TOKENS)
          .temperature((float) SdkQuestions.TEMPERATURE)
          .topP((float) SdkQuestions.TOP_P)
          .build();
      switch (call.operation()) {
        case "generate":
          return response(client.models.generateContent(call.model(), SdkQuestions.CHAT, config));
        case "generate-stream":
          return streamed(client.models.generateContentStream(call.model(), SdkQuestions.CHAT, config));
        default:
          throw new IllegalArgumentException("unknown operation " + call.operation());
      }
    }
  }

  private static SdkOutcome response(GenerateContentResponse response) {
    return new SdkOutcome()
        .put("id", response.responseId())
        .put("model", response.modelVersion())
        .put("text", response.text())
        .put("finish", response.finishReason() == null ? null : response.finishReason().toString())
        .put("usage", response.usageMetadata().map(GoogleGenAiProgram::usage));
  }

  private static SdkOutcome streamed(ResponseStream<GenerateContentResponse> stream) {
    List<String> chunks = new ArrayList<>();
    try (ResponseStream<GenerateContentResponse> responses = stream) {
      for (GenerateContentResponse chunk : responses) {
        chunks.add(response(chunk).describe());
      }
    }
    return new SdkOutcome().put("chunks", chunks);
  }

  private static String usage(GenerateContentResponseUsageMetadata usage) {
    return usage.promptTokenCount().orElse(null) + " prompt, " + usage.candidatesTokenCount().orElse(null)
        + " candidates, " + usage.thoughtsTokenCount().orElse(null) + " thoughts, "
        + usage.cachedContentTokenCount().orElse(null) + " cached, " + usage.totalTokenCount().orElse(null) + " total";
  }
}
