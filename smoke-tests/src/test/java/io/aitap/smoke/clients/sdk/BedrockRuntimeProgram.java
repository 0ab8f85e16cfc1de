package io.aitap.smoke.clients.sdk;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * An application using the AWS SDK for Java 2.x and nothing else: Bedrock Runtime {@code Converse},
 * through the SDK's Apache HttpClient 5 transport ({@code converse:apache5}, the one bedrockruntime
 * brings), its Apache HttpClient 4 one ({@code converse:apache}) or its URL-connection one
 * ({@code converse:url-connection}). Static dummy credentials; the endpoint names the real host,
 * on the fake provider's port. Retries are off, so each call is one HTTP exchange.
 */
public final class BedrockRuntimeProgram {

  public static void main(String[] args) throws Exception {
    SdkRunner.run(args, BedrockRuntimeProgram::call,
        failure -> failure instanceof SdkServiceException ? ((SdkServiceException) failure).statusCode() : null);
  }

  private static SdkOutcome call(SdkCall call) {
    String[] operation = call.operation().split(":");
    if (!operation[0].equals("converse")) {
      throw new IllegalArgumentException("unknown operation " + call.operation());
    }
    try (BedrockRuntimeClient client = BedrockRuntimeClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create(call.origin()))
        // the API key of the plan as the access key id: it must not show up in telemetry either
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(call.apiKey(), "smoke-secret")))
        .httpClient(transport(operation[1]))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build()) {
      AwsRequestOverrideConfiguration.Builder headers = AwsRequestOverrideConfiguration.builder();
      call.extraHeaders().forEach(headers::putHeader);
      ConverseResponse response = client.converse(ConverseRequest.builder()
          .modelId(call.model())
          .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(SdkQuestions.CHAT))
              .build())
          .inferenceConfig(InferenceConfiguration.builder()
              .maxTokens(SdkQuestions.MAX_TOKENS)
              .temperature((float) SdkQuestions.TEMPERATURE)
              .topP((float) SdkQuestions.TOP_P)
              .build())
          .overrideConfiguration(headers.build())
          .build());
      TokenUsage usage = response.usage();
      return new SdkOutcome()
          .put("text", response.output().message().content().get(0).text())
          .put("stop", response.stopReasonAsString())
          .put("usage", usage.inputTokens() + " in, " + usage.outputTokens() + " out, " + usage.totalTokens()
              + " total, " + usage.cacheReadInputTokens() + " cache read, " + usage.cacheWriteInputTokens()
              + " cache write")
          .put("latency", response.metrics().latencyMs());
    }
  }

  private static SdkHttpClient transport(String name) {
    switch (name) {
      case "apache5":
        return Apache5HttpClient.create();
      case "apache":
        return ApacheHttpClient.create();
      case "url-connection":
        return UrlConnectionHttpClient.create();
      default:
        throw new IllegalArgumentException("unknown transport " + name);
    }
  }
}
