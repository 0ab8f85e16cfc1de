package io.aitap.smoke.springai;

import io.netty.resolver.DefaultAddressResolverGroup;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;

/**
 * Asks the configured OpenAI endpoint three times — a plain chat through RestClient, a streamed
 * chat through WebClient, a chat the provider refuses — and prints one {@code REPORT} line per call
 * with what Spring AI handed back, so a run with the agent can be compared with one without.
 * The {@code X-Fixture} header tells the smoke tests' fake provider which recording to answer with.
 */
@SpringBootApplication
public class SpringAiApp {

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(SpringAiApp.class, args)));
  }

  /**
   * Resolves names through the JDK, as RestClient does: the smoke tests give the providers' host
   * names in a {@code jdk.net.hosts.file}, which Netty's own DNS resolver never reads.
   */
  @Bean
  WebClientCustomizer jdkResolver() {
    return builder -> builder.clientConnector(
        new ReactorClientHttpConnector(HttpClient.create().resolver(DefaultAddressResolverGroup.INSTANCE)));
  }

  @Bean
  CommandLineRunner calls(OpenAiChatModel chatModel) {
    return args -> {
      report("call", () -> describe(chatModel.call(prompt("openai-chat.json"))));
      report("stream", () -> describe(chatModel.stream(prompt("openai-chat-stream.sse")).collectList().block()));
      report("refused", () -> describe(chatModel.call(prompt("openai-error-429.json"))));
    };
  }

  private static Prompt prompt(String fixture) {
    OpenAiChatOptions options = OpenAiChatOptions.builder()
        .httpHeaders(Map.of("X-Fixture", fixture, "X-Call-Id", "spring-ai-" + fixture))
        .build();
    return new Prompt("What is the capital of France?", options);
  }

  private static String describe(ChatResponse response) {
    return describe(List.of(response));
  }

  /** A streamed answer arrives as many responses: the text joined, the metadata of the last. */
  private static String describe(List<ChatResponse> responses) {
    String text = responses.stream()
        .filter(r -> r.getResult() != null && r.getResult().getOutput().getText() != null)
        .map(r -> r.getResult().getOutput().getText())
        .collect(Collectors.joining());
    ChatResponse last = responses.get(responses.size() - 1);
    Usage usage = last.getMetadata().getUsage();
    return "text=" + text.replace("\n", "\\n")
        + " model=" + last.getMetadata().getModel()
        + " id=" + last.getMetadata().getId()
        + " prompt_tokens=" + usage.getPromptTokens()
        + " completion_tokens=" + usage.getCompletionTokens();
  }

  private static void report(String call, Answer answer) {
    String outcome;
    try {
      outcome = answer.get();
    } catch (RuntimeException e) {
      outcome = "threw " + e.getClass().getName() + ": " + e.getMessage().replace("\n", "\\n");
    }
    System.out.println("REPORT " + call + " " + outcome);
  }

  private interface Answer {
    String get();
  }
}
