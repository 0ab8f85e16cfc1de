package io.aitap.agent.instrumentation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback server with the shapes of AI responses a client tap must handle: JSON, gzip, a
 * redirect, an error, and a stream whose second half waits until the test releases it.
 */
public final class FakeAiServer implements AutoCloseable {

  /** Long and repetitive, so that gzipped it is much shorter than the text the application reads. */
  public static final String JSON =
      "{\"id\":\"chatcmpl-1\",\"model\":\"m\",\"content\":\"" + "Paris is the capital of France. ".repeat(8)
          + "\",\"usage\":{\"total_tokens\":3}}\n";
  public static final String FIRST_EVENT = "data: {\"n\":1}\n\n";
  public static final String REST_OF_STREAM = "data: {\"n\":2}\n\ndata: [DONE]\n\n";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private volatile CountDownLatch streamRelease = new CountDownLatch(1);
  private volatile String lastRequestBody;
  private final AtomicInteger limitedOnce = new AtomicInteger();

  public FakeAiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Lets the stream of {@code /v1/stream} send its second half. */
  public void releaseStream() {
    streamRelease.countDown();
  }

  public String lastRequestBody() {
    return lastRequestBody;
  }

  private void handle(HttpExchange exchange) throws IOException {
    lastRequestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    try {
      switch (path) {
        case "/v1/stream":
          stream(exchange);
          break;
        case "/v1/gzip":
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          send(exchange, 200, gzip(JSON));
          break;
        case "/v1/redirect":
          exchange.getResponseHeaders().add("Location", "/v1/chat");
          send(exchange, 307, new byte[0]);
          break;
        case "/v1/limited-once":
          if (limitedOnce.getAndIncrement() == 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, "{\"error\":{\"type\":\"rate_limit\"}}".getBytes(StandardCharsets.UTF_8));
          } else {
            send(exchange, 200, JSON.getBytes(StandardCharsets.UTF_8));
          }
          break;
        case "/v1/limited":
          send(exchange, 429, "{\"error\":{\"type\":\"rate_limit\"}}".getBytes(StandardCharsets.UTF_8));
          break;
        default:
          send(exchange, 200, JSON.getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      exchange.close();
    }
  }

  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(FIRST_EVENT.getBytes(StandardCharsets.UTF_8));
    out.flush();
    try {
      streamRelease.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    streamRelease = new CountDownLatch(1);
    out.write(REST_OF_STREAM.getBytes(StandardCharsets.UTF_8));
    out.close();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Override
  public void close() {
    releaseStream();
    server.stop(0);
    executor.shutdownNow();
  }
}
