package io.aitap.smoke.clients.azure;

import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.ai.openai.models.ChatCompletionStreamOptions;
import com.azure.ai.openai.models.ChatCompletions;
import com.azure.ai.openai.models.ChatCompletionsOptions;
import com.azure.ai.openai.models.ChatRequestUserMessage;
import com.azure.core.credential.AzureKeyCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * An application using the Azure OpenAI SDK ({@code com.azure:azure-ai-openai}) on its default
 * transport, azure-core-http-netty (Reactor Netty). A planned call names the endpoint and
 * deployment in its URI; its style begins with {@code sync} ({@code getChatCompletions}) or
 * {@code stream} ({@code getChatCompletionsStream}, each chunk digested as the SDK hands it over),
 * followed by the request model, as every SDK plan's does. What the
 * application sees is the SDK's models, digested as the JSON they serialise to, or the status and
 * message of the {@code HttpResponseException} it throws.
 *
 * <p>The application configures three things any test of it would: Reactor Netty resolves names
 * through the JDK ({@code DefaultAddressResolverGroup}), as Netty's own DNS client ignores
 * {@code jdk.net.hosts.file}; the SDK does not retry (each retry is a request of its own); and a
 * policy pins {@code api-version} to the GA version the recorded fixtures were made with, which this
 * SDK release has no constant for. Every planned header (the fixture's name, the call id) is set
 * by a policy too.
 */
public final class AzureOpenAiProgram {

  private static final String API_VERSION = "2024-10-21";

  public static void main(String[] args) throws Exception {
    PlanRunner.run(args, AzureOpenAiProgram::call);
  }

  private static CallReport call(PlannedCall planned) {
    URI uri = planned.uri();
    String endpoint = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    String deployment = uri.getPath().split("/")[3]; // /openai/deployments/{deployment}/chat/completions
    String apiKey = planned.headers().get("api-key");
    OpenAIClient client = new OpenAIClientBuilder()
        .endpoint(endpoint)
        .credential(new AzureKeyCredential(apiKey))
        .httpClient(new NettyAsyncHttpClientBuilder(HttpClient.create().resolver(DefaultAddressResolverGroup.INSTANCE))
            .build())
        .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)))
        .addPolicy(plannedHeaders(planned.headers()))
        .buildClient();
    ChatCompletionsOptions options =
        new ChatCompletionsOptions(List.of(new ChatRequestUserMessage("What is the capital of France?")))
            .setMaxTokens(256)
            .setTemperature(0.2)
            .setTopP(0.9);
    BodyDigest digest = new BodyDigest();
    try {
      if (planned.style().startsWith("stream ")) {
        for (ChatCompletions chunk : client.getChatCompletionsStream(
            deployment, options, new ChatCompletionStreamOptions().setIncludeUsage(true))) {
          update(digest, chunk);
        }
      } else {
        update(digest, client.getChatCompletions(deployment, options));
      }
      return CallReport.completed(planned.id(), 200, digest.hex(), "-");
    } catch (HttpResponseException e) {
      update(digest, e.getMessage());
      return CallReport.completed(planned.id(), e.getResponse().getStatusCode(), digest.hex(), "-");
    }
  }

  private static HttpPipelinePolicy plannedHeaders(Map<String, String> headers) {
    return new HttpPipelinePolicy() {
      @Override
      public Mono<com.azure.core.http.HttpResponse> process(
          com.azure.core.http.HttpPipelineCallContext context, com.azure.core.http.HttpPipelineNextPolicy next) {
        com.azure.core.http.HttpRequest request = context.getHttpRequest();
        headers.forEach((name, value) -> {
          if (name.startsWith("X-")) {
            request.setHeader(HttpHeaderName.fromString(name), value);
          }
        });
        String url = request.getUrl().toString();
        request.setUrl(url.replaceFirst("api-version=[^&]*", "api-version=" + API_VERSION));
        return next.process();
      }

      @Override
      public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
      }
    };
  }

  private static void update(BodyDigest digest, ChatCompletions completions) {
    try {
      update(digest, completions.toJsonString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(BodyDigest digest, String text) {
    byte[] bytes = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    digest.update(bytes, 0, bytes.length);
  }
}
