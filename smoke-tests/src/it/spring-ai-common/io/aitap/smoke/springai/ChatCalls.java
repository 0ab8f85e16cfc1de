package io.aitap.smoke.springai;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Asks a chat model three times — a plain chat, a streamed one, one the provider refuses — and
 * prints one {@code REPORT} line per call with what Spring AI handed back, so a run with the agent
 * can be compared with one without. Shared by the applications of each Spring AI version; each
 * says how a prompt carries the {@code X-Fixture} header that picks the fake provider's recording.
 */
final class ChatCalls {

  private ChatCalls() {}

  static void run(ChatModel model, Function<String, Prompt> promptAnsweredBy) {
    report("call", () -> describe(List.of(model.call(promptAnsweredBy.apply("openai-chat.json")))));
    report("stream", () -> describe(model.stream(promptAnsweredBy.apply("openai-chat-stream.sse")).collectList().block()));
    report("refused", () -> describe(List.of(model.call(promptAnsweredBy.apply("openai-error-429.json")))));
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
      outcome = "threw " + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace("\n", "\\n");
    }
    System.out.println("REPORT " + call + " " + outcome);
  }

  private interface Answer {
    String get();
  }
}
