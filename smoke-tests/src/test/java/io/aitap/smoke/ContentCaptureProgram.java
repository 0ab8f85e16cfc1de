package io.aitap.smoke;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * An application whose prompts and answers carry marker strings: an OpenAI chat completion, the
 * same streamed, and a streamed Anthropic message, through the JDK HTTP client, each answer read
 * to its end. Argument: the port of {@link ContentCaptureSmokeTest}'s stand-in provider.
 */
public final class ContentCaptureProgram {

  static final String SYSTEM_MARKER = "SYSMARK-5d1e";
  static final String PROMPT_MARKER = "PROMPTMARK-7f3a";
  static final String ANSWER_MARKER = "ANSWERMARK-9c2e";
  /** Said in the prompt, to be redacted wherever it is captured. */
  static final String EMAIL = "oncall.lead@example.com";

  private ContentCaptureProgram() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    HttpClient client = HttpClient.newHttpClient();
    String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM_MARKER
        + "\"},{\"role\":\"user\",\"content\":\"" + PROMPT_MARKER + " mail " + EMAIL + "\"}]";
    call(client, "http://api.openai.com:" + port + "/v1/chat/completions", chat + "}");
    call(client, "http://api.openai.com:" + port + "/v1/chat/completions", chat + ",\"stream\":true}");
    call(client, "http://api.anthropic.com:" + port + "/v1/messages",
        "{\"model\":\"claude-sonnet-4\",\"max_tokens\":64,\"stream\":true,\"system\":\"" + SYSTEM_MARKER
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT_MARKER + " mail " + EMAIL + "\"}]}");
  }

  private static void call(HttpClient client, String url, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer sk-test-not-a-real-key-0000000000")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains("MARK")) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    System.out.println("answered " + url);
  }
}
