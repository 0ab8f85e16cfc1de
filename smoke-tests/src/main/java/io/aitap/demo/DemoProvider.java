package io.aitap.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for an OpenAI-compatible API on 127.0.0.1, so the demo shows telemetry with no API
 * key: answers chat completions plainly or as a paced stream, embeddings, and a 429 for the model
 * {@code gpt-rate-limited}; {@code /health} stands for ordinary, non-AI traffic.
 */
public final class DemoProvider implements AutoCloseable {

  private final HttpServer server;
  private final long chunkPauseMillis;

  /** Streams chunks at a reader's pace, like a real model. */
  public DemoProvider() throws IOException {
    this(120);
  }

  public DemoProvider(long chunkPauseMillis) throws IOException {
    this.chunkPauseMillis = chunkPauseMillis;
    // Without it, Nagle's algorithm holds each small chunk back until the previous one is acknowledged.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", this::chat);
    server.createContext("/v1/embeddings", exchange -> send(exchange, 200, "application/json", EMBEDDING));
    server.createContext("/health", exchange -> send(exchange, 200, "application/json", "{\"status\":\"ok\"}"));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void chat(HttpExchange exchange) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (request.contains("gpt-rate-limited")) {
      exchange.getResponseHeaders().add("retry-after", "2");
      send(exchange, 429, "application/json", RATE_LIMITED);
    } else if (request.contains("\"stream\":true")) {
      stream(exchange);
    } else {
      send(exchange, 200, "application/json", COMPLETION);
    }
  }

  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("content-type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      String[] words = {"Observability", " without", " code", " changes", "."};
      for (String word : words) {
        out.write(("data: {\"id\":\"chatcmpl-demo-2\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word + "\"},\"finish_reason\":null}]}\n\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        pause(chunkPauseMillis);
      }
      out.write(("data: {\"id\":\"chatcmpl-demo-2\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini-2024-07-18\","
              + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
              + "data: {\"id\":\"chatcmpl-demo-2\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini-2024-07-18\","
              + "\"choices\":[],\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":5,\"total_tokens\":19}}\n\n"
              + "data: [DONE]\n\n")
          .getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static final String COMPLETION =
      "{\"id\":\"chatcmpl-demo-1\",\"object\":\"chat.completion\",\"created\":1760000000,"
          + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":\"Hello from the demo provider.\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19,"
          + "\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";

  private static final String EMBEDDING =
      "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.01,-0.02,0.03]}],"
          + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}";

  private static final String RATE_LIMITED =
      "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"param\":null,"
          + "\"code\":\"rate_limit_exceeded\"}}";
}
