package io.aitap.smoke.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Slack incoming webhook on 127.0.0.1: it records the JSON body of every POST and answers as
 * Slack does ({@code 200 ok}, text/plain), which Alertmanager takes as delivered.
 */
final class SlackWebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  SlackWebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/services/", this::receive);
    server.start();
  }

  /** The webhook URL to give Alertmanager, shaped like Slack's. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/aitap-test";
  }

  /** Every message posted so far, in order. */
  List<JsonNode> messages() {
    return new ArrayList<>(messages);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try {
      int status = 405;
      if (exchange.getRequestMethod().equals("POST")) {
        messages.add(json.readTree(exchange.getRequestBody().readAllBytes()));
        status = 200;
      }
      byte[] body = status == 200 ? "ok".getBytes(StandardCharsets.UTF_8) : new byte[0];
      exchange.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
