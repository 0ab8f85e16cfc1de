package io.aitap.bench;

import io.aitap.demo.DemoProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls the demo provider in a loop and prints calls per second, for {@code bench/run} to compare
 * the same loop with and without the agent in one session. {@code plain} is non-AI traffic, which
 * should pay only the endpoint check; {@code chat} and {@code stream} are AI calls that are parsed.
 */
public final class OverheadBenchmark {

  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "plain";
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    try (DemoProvider provider = new DemoProvider(0)) {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request = requestFor(mode, provider.baseUrl());
      loop(client, request, calls / 5);
      long start = System.nanoTime();
      long bytes = loop(client, request, calls);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%s calls=%d seconds=%.3f calls_per_second=%.1f bytes=%d%n",
          mode, calls, seconds, calls / seconds, bytes);
    }
  }

  private static long loop(HttpClient client, HttpRequest request, int calls) throws Exception {
    long bytes = 0;
    for (int i = 0; i < calls; i++) {
      bytes += client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
    return bytes;
  }

  private static HttpRequest requestFor(String mode, String baseUrl) {
    switch (mode) {
      case "plain":
        return HttpRequest.newBuilder(URI.create(baseUrl.replace("/v1", "/health"))).build();
      case "chat":
        return post(baseUrl, "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      case "stream":
        return post(baseUrl, "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      default:
        throw new IllegalArgumentException("mode is plain, chat or stream, not " + mode);
    }
  }

  private static HttpRequest post(String baseUrl, String json) {
    return HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }
}
