package io.aitap.smoke.springai;

import java.util.Map;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Spring AI 2: every call through the official OpenAI Java SDK, which rides on OkHttp. */
@SpringBootApplication
public class SpringAiApp {

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(SpringAiApp.class, args)));
  }

  /** Each prompt keeps the configured options (model, sampling) and adds its fixture header. */
  @Bean
  CommandLineRunner calls(OpenAiChatModel chatModel) {
    return args -> ChatCalls.run(chatModel, fixture -> new Prompt("What is the capital of France?",
        chatModel.getOptions().mutate().customHeaders(Map.of("X-Fixture", fixture)).streamUsage(true).build()));
  }
}
