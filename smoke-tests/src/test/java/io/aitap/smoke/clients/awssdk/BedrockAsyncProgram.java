package io.aitap.smoke.clients.awssdk;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Bedrock's Converse and ConverseStream through the AWS SDK's async client on its Netty NIO
 * transport, as an application makes them: the SDK builds, signs and sends the request itself
 * (so the planned body only describes it), with the planned headers added. The model is the one in
 * the planned path; the endpoint is the planned host and port. Retries are off, so each call is one
 * HTTP exchange. Reports the status and a digest of what the application got: the response
 * object, every streamed event in order, or the service error.
 */
public final class BedrockAsyncProgram {

  /** Sent as a header by the plan, but the SDK signs the request itself. */
  private static final List<String> SDK_HEADERS = List.of("authorization", "content-type", "accept-encoding");

  private BedrockAsyncProgram() {}

  public static void main(String[] args) throws Exception {
    // handed over built, so the SDK wraps it in its own delegating client, as applications' clients are
    SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder().build();
    Map<String, BedrockRuntimeAsyncClient> clients = new HashMap<>();
    try {
      PlanRunner.run(args, call -> call(clients.computeIfAbsent(endpoint(call.uri()), e -> client(e, http)), call));
    } finally {
      clients.values().forEach(BedrockRuntimeAsyncClient::close);
      http.close();
    }
  }

  private static String endpoint(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
  }

  private static BedrockRuntimeAsyncClient client(String endpoint, SdkAsyncHttpClient http) {
    return BedrockRuntimeAsyncClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSMOKE", "smoke-secret")))
        .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
        .httpClient(http)
        .build();
  }

  private static CallReport call(BedrockRuntimeAsyncClient client, PlannedCall call) {
    String path = call.uri().getRawPath();
    String model = URLDecoder.decode(path.split("/")[2], StandardCharsets.UTF_8);
    AwsRequestOverrideConfiguration headers = headers(call);
    Message message = Message.builder()
        .role(ConversationRole.USER)
        .content(ContentBlock.fromText("What is the capital of France?"))
        .build();
    InferenceConfiguration inference = InferenceConfiguration.builder().maxTokens(256).temperature(0.2f).topP(0.9f).build();
    try {
      if (path.endsWith("/converse-stream")) {
        return converseStream(client, call, ConverseStreamRequest.builder().modelId(model).messages(message)
            .inferenceConfig(inference).overrideConfiguration(headers).build());
      }
      ConverseResponse response = client.converse(ConverseRequest.builder().modelId(model).messages(message)
          .inferenceConfig(inference).overrideConfiguration(headers).build()).join();
      return report(call, response.sdkHttpResponse().statusCode(), response.toString());
    } catch (CompletionException e) {
      if (e.getCause() instanceof AwsServiceException) {
        AwsServiceException error = (AwsServiceException) e.getCause();
        return report(call, error.statusCode(),
            error.getClass().getName() + " " + error.awsErrorDetails().errorCode() + " "
                + error.awsErrorDetails().errorMessage());
      }
      throw e;
    }
  }

  private static CallReport converseStream(BedrockRuntimeAsyncClient client, PlannedCall call,
      ConverseStreamRequest request) {
    List<String> events = new ArrayList<>();
    CompletableFuture<Integer> status = new CompletableFuture<>();
    ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
        .onResponse(response -> status.complete(response.sdkHttpResponse().statusCode()))
        .subscriber(event -> events.add(event.toString()))
        .build();
    client.converseStream(request, handler).join();
    return report(call, status.join(), String.join("\n", events));
  }

  private static AwsRequestOverrideConfiguration headers(PlannedCall call) {
    AwsRequestOverrideConfiguration.Builder headers = AwsRequestOverrideConfiguration.builder();
    call.headers().forEach((name, value) -> {
      if (!SDK_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        headers.putHeader(name, value);
      }
    });
    return headers.build();
  }

  private static CallReport report(PlannedCall call, int status, String received) {
    return CallReport.completed(call.id(), status, BodyDigest.ofUtf8(received),
        PlanRunner.requestSha256(call));
  }
}
