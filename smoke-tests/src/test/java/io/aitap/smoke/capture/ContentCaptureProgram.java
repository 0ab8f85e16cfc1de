package io.aitap.smoke.capture;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * An application whose prompts and answers carry marker strings: an OpenAI chat completion, the
 * same streamed, and a streamed Anthropic message, through the JDK HTTP client, each answer read
 * to its end. Argument: the port of {@link ContentCaptureSmokeTest}'s stand-in provider; with a
 * second argument {@code huge}, one streamed chat instead whose prompt and answer are each larger
 * than the JVM's heap, the prompt streamed out in chunks through {@code HttpURLConnection}.
 */
public final class ContentCaptureProgram {

  static final String SYSTEM_MARKER = "SYSMARK-5d1e";
  static final String PROMPT_MARKER = "PROMPTMARK-7f3a";
  static final String ANSWER_MARKER = "ANSWERMARK-9c2e";
  /** Said in the prompt, to be redacted wherever it is captured. */
  static final String EMAIL = "oncall.lead@example.com";
  /** Bytes of the huge prompt's text (and about as many of the huge answer's). */
  static final long HUGE_BYTES = 320L << 20;
  static final String HUGE_WORDS = "lorem ipsum dolor sit amet consectetur ";

  private ContentCaptureProgram() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    if (args.length > 1 && args[1].equals("huge")) {
      huge(port);
      return;
    }
    HttpClient client = HttpClient.newHttpClient();
    String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM_MARKER
        + "\"},{\"role\":\"user\",\"content\":\"" + PROMPT_MARKER + " mail " + EMAIL + "\"}]";
    call(client, "http://api.openai.com:" + port + "/v1/chat/completions", chat + "}");
    call(client, "http://api.openai.com:" + port + "/v1/chat/completions", chat + ",\"stream\":true}");
    call(client, "http://api.anthropic.com:" + port + "/v1/messages",
        "{\"model\":\"claude-sonnet-4\",\"max_tokens\":64,\"stream\":true,\"system\":\"" + SYSTEM_MARKER
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT_MARKER + " mail " + EMAIL + "\"}]}");
  }

  private static void huge(int port) throws Exception {
    HttpURLConnection connection = (HttpURLConnection)
        new URL("http://api.openai.com:" + port + "/v1/chat/completions").openConnection();
    connection.setDoOutput(true);
    connection.setRequestMethod("POST");
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setChunkedStreamingMode(64 * 1024);
    byte[] words = HUGE_WORDS.repeat(1024).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
          + PROMPT_MARKER + " ").getBytes(StandardCharsets.US_ASCII));
      for (long written = 0; written < HUGE_BYTES; written += words.length) {
        out.write(words);
      }
      out.write("\"}]}".getBytes(StandardCharsets.US_ASCII));
    }
    long read = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = connection.getInputStream()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        read += n;
      }
    }
    if (connection.getResponseCode() != 200 || read < HUGE_BYTES) {
      throw new IllegalStateException("answered " + connection.getResponseCode() + " with " + read + " bytes");
    }
    System.out.println("answered " + read + " bytes");
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
