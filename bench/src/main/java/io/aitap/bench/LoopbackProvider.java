package io.aitap.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The provider the benchmark's programs call, in a JVM of its own so that its work is not counted
 * as theirs: a 2 KB chat completion, a paced stream (five deltas 20 ms apart, for the time to the
 * first chunk), a bulk stream (deltas as fast as they go), a non-AI endpoint, and an OTLP sink
 * that accepts every export. Prints its port and serves until killed.
 */
public final class LoopbackProvider {

  static final int PACED_DELTAS = 5;
  static final long PACE_MILLIS = 20;
  static final int BULK_DELTAS = 20_000;

  private LoopbackProvider() {}

  public static void main(String[] args) throws IOException {
    // answers go out at once, not after the delayed ACK Nagle would wait for
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", LoopbackProvider::handle);
    server.start();
    System.out.println("port=" + server.getAddress().getPort());
    System.out.flush();
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String request;
    try (InputStream in = exchange.getRequestBody()) {
      request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String path = exchange.getRequestURI().getPath();
    try {
      if (!path.endsWith("/chat/completions")) {
        // the non-AI endpoint, and the OTLP sink (/v1/traces, /v1/metrics, /v1/logs): an empty answer
        send(exchange, path.startsWith("/v1/") ? "application/x-protobuf" : "application/json",
            path.startsWith("/v1/") ? new byte[0] : "{\"status\":\"ok\",\"items\":[1,2,3]}".getBytes(StandardCharsets.UTF_8));
      } else if (request.contains("\"stream\":true")) {
        stream(exchange, request.contains("\"bulk\"") ? BULK_DELTAS : PACED_DELTAS, !request.contains("\"bulk\""));
      } else {
        send(exchange, "application/json", Bodies.CHAT_COMPLETION);
      }
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("content-type", contentType);
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void stream(HttpExchange exchange, int deltas, boolean paced) throws IOException {
    exchange.getResponseHeaders().add("content-type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < deltas; i++) {
        if (paced) {
          pause();
        }
        out.write(Bodies.delta(i));
        if (paced) {
          out.flush();
        }
      }
      out.write(Bodies.streamEnd(deltas));
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
