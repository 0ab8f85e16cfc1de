package io.aitap.smoke.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-ins on 127.0.0.1 for the API hosts the endpoint probes check: one refuses the anonymous
 * probe with 401 as an API that is up does, one answers 503, one accepts connections and never
 * answers.
 */
final class ApiStandIns implements AutoCloseable {

  private static final String PATH = "/v1/models";

  private final HttpServer refusing;
  private final HttpServer unavailable;
  private final ServerSocket silent;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  private ApiStandIns() throws IOException {
    refusing = answering(401, "{\"error\":{\"message\":\"Missing bearer authentication in header\",\"type\":\"invalid_request_error\"}}");
    unavailable = answering(503, "{\"error\":{\"message\":\"The server is overloaded or not ready yet.\",\"type\":\"server_error\"}}");
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::holdEveryConnection, "silent API stand-in");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ApiStandIns start() throws IOException {
    return new ApiStandIns();
  }

  String refusingUrl() {
    return url(refusing.getAddress().getPort());
  }

  String unavailableUrl() {
    return url(unavailable.getAddress().getPort());
  }

  String silentUrl() {
    return url(silent.getLocalPort());
  }

  private static String url(int port) {
    return "http://127.0.0.1:" + port + PATH;
  }

  private static HttpServer answering(int status, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(PATH, exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("content-type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return server;
  }

  /** Accepts, never reads, never writes: the probe's request goes unanswered until the probe gives up. */
  private void holdEveryConnection() {
    try {
      while (true) {
        held.add(silent.accept());
      }
    } catch (IOException closed) {
      // close() ends the stand-in
    }
  }

  @Override
  public void close() throws IOException {
    refusing.stop(0);
    unavailable.stop(0);
    silent.close();
    for (Socket socket : held) {
      socket.close();
    }
  }
}
