package io.aitap.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * A small service that talks to an OpenAI-style API the way ordinary code does, with no
 * telemetry of its own: run it with {@code -javaagent:aitap-agent.jar} to see what aitap reports.
 * Uses the built-in demo provider unless {@code OPENAI_BASE_URL} and {@code OPENAI_API_KEY} name a
 * real one.
 */
public final class DemoService {

  /** The models a round calls (unless OPENAI_MODEL and OPENAI_UNPRICED_MODEL say otherwise). */
  public static final String MODEL = "gpt-4o-mini";
  public static final String EMBEDDING_MODEL = "text-embedding-3-small";
  /** A model no price list knows, so its call is counted as unpriced. */
  public static final String UNPRICED_MODEL = "acme-llm-7b";

  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String apiKey;

  private DemoService(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    String baseUrl = System.getenv("OPENAI_BASE_URL");
    if (baseUrl != null && !baseUrl.isEmpty()) {
      new DemoService(baseUrl, System.getenv("OPENAI_API_KEY")).run();
    } else {
      try (DemoProvider provider = new DemoProvider()) {
        System.out.println("demo provider at " + provider.baseUrl() + " (set OPENAI_BASE_URL to call a real API)");
        new DemoService(provider.baseUrl(), "demo-key").run();
      }
    }
    // Gives the periodic metric reader a chance to print before the JVM exits.
    Thread.sleep(Long.getLong("demo.linger.ms", 2500));
  }

  /**
   * Rounds of calls: plain chat, a stream with usage, a stream without it (usage unknown), a
   * rate-limited call and embeddings through HttpURLConnection; the first round also calls a model
   * with no price, once, as a one-off try of a new model would.
   */
  private void run() throws Exception {
    String model = System.getenv().getOrDefault("OPENAI_MODEL", MODEL);
    int rounds = Integer.getInteger("demo.rounds", 1);
    for (int round = 0; round < rounds; round++) {
      System.out.println("chat            -> HTTP " + chat(model));
      System.out.println("chat (stream)   -> HTTP " + stream(model, true));
      System.out.println("stream, no usage-> HTTP " + stream(model, false));
      System.out.println("chat (limited)  -> HTTP " + chat(DemoProvider.RATE_LIMITED_MODEL));
      System.out.println("embeddings      -> HTTP " + embeddingsWithUrlConnection());
      if (round == 0) {
        System.out.println("chat (unpriced) -> HTTP " + chat(System.getenv().getOrDefault("OPENAI_UNPRICED_MODEL", UNPRICED_MODEL)));
      }
    }
  }

  private int chat(String model) throws Exception {
    String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"max_tokens\":50}";
    return client.send(post("/chat/completions", body), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private String stream(String model, boolean withUsage) throws Exception {
    String body = "{\"model\":\"" + model + "\",\"stream\":true,"
        + (withUsage ? "\"stream_options\":{\"include_usage\":true}," : "")
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Say something about observability.\"}]}";
    HttpResponse<Stream<String>> stream = client.send(post("/chat/completions", body), HttpResponse.BodyHandlers.ofLines());
    long events = stream.body().filter(line -> line.startsWith("data:")).count();
    return stream.statusCode() + ", " + events + " events";
  }

  private HttpRequest post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("content-type", "application/json")
        .header("authorization", "Bearer " + apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private int embeddingsWithUrlConnection() throws Exception {
    HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + "/embeddings").openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("content-type", "application/json");
    connection.setRequestProperty("authorization", "Bearer " + apiKey);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(("{\"model\":\"" + EMBEDDING_MODEL + "\",\"input\":\"aitap\"}").getBytes(StandardCharsets.UTF_8));
    }
    int status = connection.getResponseCode();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        status < 400 ? connection.getInputStream() : connection.getErrorStream(), StandardCharsets.UTF_8))) {
      while (reader.readLine() != null) {
        // the body is read like any client would; aitap sees it on the way
      }
    }
    return status;
  }
}
