package io.aitap.smoke.springai;

import io.netty.resolver.DefaultAddressResolverGroup;
import java.util.Map;
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

/** Spring AI 1.1: plain calls through RestClient, streams through WebClient. */
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
    return args -> ChatCalls.run(chatModel, fixture -> new Prompt("What is the capital of France?",
        OpenAiChatOptions.builder().httpHeaders(Map.of("X-Fixture", fixture)).build()));
  }
}
