package io.aitap.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an OpenAI-compatible API on 127.0.0.1, so the demo shows telemetry with no API
 * key. It answers chat completions plainly (cache reads and reasoning included in the usage) or as
 * a paced stream (with usage only when the request asks for it), embeddings, and a 429 for the
 * model {@code gpt-rate-limited}; it reports rate-limit head-room like OpenAI does. {@code /health}
 * stands for ordinary, non-AI traffic.
 */
public final class DemoProvider implements AutoCloseable {

  /** Tokens each answer reports, for whoever checks the telemetry against them. */
  public static final int CHAT_INPUT = 12;
  /** The part of {@link #CHAT_INPUT} read from the prompt cache, priced at the cache-read price. */
  public static final int CHAT_CACHED_INPUT = 4;
  public static final int CHAT_OUTPUT = 7;
  /** The part of {@link #CHAT_OUTPUT} spent on reasoning. */
  public static final int CHAT_REASONING_OUTPUT = 2;
  public static final int STREAM_INPUT = 14;
  public static final int STREAM_OUTPUT = 5;
  public static final int EMBEDDING_INPUT = 5;

  /** The model it always answers with a 429. */
  public static final String RATE_LIMITED_MODEL = "gpt-rate-limited";

  private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");
  private static final int REQUEST_LIMIT = 500;

  private final HttpServer server;
  private final long chunkPauseMillis;
  private final AtomicInteger requests = new AtomicInteger();

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
    server.createContext("/v1/embeddings", exchange -> {
      exchange.getRequestBody().readAllBytes();
      send(exchange, 200, EMBEDDING);
    });
    server.createContext("/health", exchange -> send(exchange, 200, "{\"status\":\"ok\"}"));
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void chat(HttpExchange exchange) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Matcher model = MODEL.matcher(request);
    String requested = model.find() ? model.group(1) : "gpt-4o-mini";
    if (requested.equals(RATE_LIMITED_MODEL)) {
      exchange.getResponseHeaders().add("retry-after", "2");
      send(exchange, 429, RATE_LIMITED);
    } else if (request.contains("\"stream\":true")) {
      stream(exchange, answeringModel(requested), request.contains("\"include_usage\":true"));
    } else {
      send(exchange, 200, String.format(COMPLETION, answeringModel(requested)));
    }
  }

  /** OpenAI answers with the dated snapshot behind an alias. */
  private static String answeringModel(String requested) {
    return requested.equals("gpt-4o-mini") ? "gpt-4o-mini-2024-07-18" : requested;
  }

  private void stream(HttpExchange exchange, String model, boolean withUsage) throws IOException {
    exchange.getResponseHeaders().add("content-type", "text/event-stream");
    addRateLimitHeaders(exchange);
    exchange.sendResponseHeaders(200, 0);
    String prefix = "data: {\"id\":\"chatcmpl-demo-2\",\"object\":\"chat.completion.chunk\",\"model\":\"" + model + "\",";
    try (OutputStream out = exchange.getResponseBody()) {
      for (String word : new String[] {"Observability", " without", " code", " changes", "."}) {
        out.write((prefix + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word + "\"},\"finish_reason\":null}]}\n\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
        pause(chunkPauseMillis);
      }
      StringBuilder end = new StringBuilder(prefix + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
      if (withUsage) {
        end.append(prefix).append("\"choices\":[],\"usage\":{\"prompt_tokens\":").append(STREAM_INPUT)
            .append(",\"completion_tokens\":").append(STREAM_OUTPUT).append(",\"total_tokens\":")
            .append(STREAM_INPUT + STREAM_OUTPUT).append("}}\n\n");
      }
      end.append("data: [DONE]\n\n");
      out.write(end.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", "application/json");
    addRateLimitHeaders(exchange);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void addRateLimitHeaders(HttpExchange exchange) {
    int used = requests.incrementAndGet();
    exchange.getResponseHeaders().add("x-ratelimit-limit-requests", Integer.toString(REQUEST_LIMIT));
    exchange.getResponseHeaders().add("x-ratelimit-remaining-requests", Integer.toString(Math.max(0, REQUEST_LIMIT - used)));
    exchange.getResponseHeaders().add("x-ratelimit-limit-tokens", "200000");
    exchange.getResponseHeaders().add("x-ratelimit-remaining-tokens", Integer.toString(Math.max(0, 200000 - 40 * used)));
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
          + "\"model\":\"%s\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":\"Hello from the demo provider.\"},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":" + CHAT_INPUT + ",\"completion_tokens\":" + CHAT_OUTPUT + ",\"total_tokens\":"
          + (CHAT_INPUT + CHAT_OUTPUT) + ",\"prompt_tokens_details\":{\"cached_tokens\":" + CHAT_CACHED_INPUT + "},"
          + "\"completion_tokens_details\":{\"reasoning_tokens\":" + CHAT_REASONING_OUTPUT + "}}}";

  private static final String EMBEDDING =
      "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.01,-0.02,0.03]}],"
          + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":" + EMBEDDING_INPUT + ",\"total_tokens\":"
          + EMBEDDING_INPUT + "}}";

  private static final String RATE_LIMITED =
      "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"param\":null,"
          + "\"code\":\"rate_limit_exceeded\"}}";
}
