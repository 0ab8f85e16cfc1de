package io.aitap.smoke.harness;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.replay.ApiKeys;
import io.aitap.smoke.replay.Fixture;
import io.aitap.smoke.replay.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;

/**
 * An AI provider on 127.0.0.1 that answers with the recorded fixtures, over HTTP/1.1 on one port
 * and HTTPS (with a {@link ProviderCertificate}) on another. The request header
 * {@value #FIXTURE_HEADER} names the fixture, whose recorded path and query the request must use;
 * the response carries the fixture's status, content type and headers, gzip-encoded when the request
 * accepts gzip. Streams are written piece by piece (SSE event, NDJSON line, event-stream frame),
 * each flushed and followed by a pause, so the client really receives them over time. A request
 * without the header is ordinary traffic and gets a small JSON answer.
 *
 * <p>Every exchange is recorded by its {@link PlannedCall#CALL_ID_HEADER}: the request body as it
 * arrived and the response bytes as they left, on the wire.
 */
public final class FakeProvider implements AutoCloseable {

  public static final String FIXTURE_HEADER = "X-Fixture";

  private static final long PAUSE_MILLIS = 20;
  private static final long RECORD_WAIT_SECONDS = 5;
  private static final byte[] PLAIN_ANSWER = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

  /** What one exchange looked like from the provider's side. */
  public static final class Exchange {
    final String method;
    public final String pathAndQuery;
    public final Map<String, List<String>> requestHeaders;
    public final byte[] requestBody;
    public final byte[] responseBody;

    Exchange(String method, String pathAndQuery, Map<String, List<String>> requestHeaders, byte[] requestBody,
        byte[] responseBody) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
      this.requestHeaders = requestHeaders;
      this.requestBody = requestBody;
      this.responseBody = responseBody;
    }
  }

  private final HttpServer server;
  private final HttpsServer httpsServer;
  private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.named("fake-provider"));
  private final Map<String, CompletableFuture<Exchange>> exchanges = new ConcurrentHashMap<>();

  public FakeProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    httpsServer = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    httpsServer.setHttpsConfigurator(new HttpsConfigurator(ProviderCertificate.get().serverContext()));
    for (HttpServer each : List.of(server, httpsServer)) {
      each.setExecutor(executor);
      each.createContext("/", this::handle);
      each.start();
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int httpsPort() {
    return httpsServer.getAddress().getPort();
  }

  /**
   * The exchange of the call with this id, waiting briefly for it: the provider records an exchange
   * just after its last byte left, when the client may already have read it.
   */
  public Exchange exchange(String callId) {
    try {
      return recorded(callId).get(RECORD_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private CompletableFuture<Exchange> recorded(String callId) {
    return exchanges.computeIfAbsent(callId, id -> new CompletableFuture<>());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] requestBody;
      try (InputStream in = exchange.getRequestBody()) {
        requestBody = in.readAllBytes();
      }
      String pathAndQuery = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      Headers requestHeaders = exchange.getRequestHeaders();
      WireRecorder wire = new WireRecorder(exchange.getResponseBody());
      String fixtureName = requestHeaders.getFirst(FIXTURE_HEADER);
      if (fixtureName == null) {
        answerPlainly(exchange, wire);
      } else {
        answerWithFixture(exchange, Fixtures.named(fixtureName), pathAndQuery, wire);
      }
      String callId = requestHeaders.getFirst(PlannedCall.CALL_ID_HEADER);
      if (callId != null) {
        recorded(callId).complete(new Exchange(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(requestHeaders),
            requestBody, wire.bytes()));
      }
    } finally {
      exchange.close();
    }
  }

  private static void answerPlainly(HttpExchange exchange, OutputStream wire) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, PLAIN_ANSWER.length);
    wire.write(PLAIN_ANSWER);
    wire.close();
  }

  private static void answerWithFixture(HttpExchange exchange, Fixture fixture, String pathAndQuery,
      WireRecorder wire) throws IOException {
    // an SDK sends the key its own way: Gemini's in a header, not the query the plain clients use
    String expectedPathAndQuery = ApiKeys.pathAndQuery(fixture);
    boolean pathMatches = expectedPathAndQuery.equals(pathAndQuery) || fixture.pathAndQuery().equals(pathAndQuery);
    if (!pathMatches || !fixture.method().equals(exchange.getRequestMethod())) {
      byte[] message = ("fixture " + fixture + " answers " + fixture.method() + " " + expectedPathAndQuery
          + ", not " + exchange.getRequestMethod() + " " + pathAndQuery).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(400, message.length);
      wire.write(message);
      wire.close();
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    fixture.responseHeaders().forEach((name, value) -> {
      // the framing is this server's own, whatever the recording used
      if (!name.equalsIgnoreCase("transfer-encoding") && !name.equalsIgnoreCase("content-length")) {
        headers.set(name, value);
      }
    });
    headers.set("Content-Type", fixture.contentType());
    boolean gzip = acceptsGzip(exchange.getRequestHeaders());
    if (gzip) {
      headers.set("Content-Encoding", "gzip");
    }
    byte[] body = fixture.body();
    if (StreamFrames.isStream(fixture.contentType())) {
      exchange.sendResponseHeaders(fixture.status(), 0);
      try (OutputStream out = gzip ? new GZIPOutputStream(wire, true) : wire) {
        for (byte[] piece : StreamFrames.split(fixture.contentType(), body)) {
          out.write(piece);
          out.flush();
          pause();
        }
      }
    } else {
      byte[] encoded = gzip ? gzipped(body) : body;
      exchange.sendResponseHeaders(fixture.status(), encoded.length);
      wire.write(encoded);
      wire.close();
    }
  }

  private static boolean acceptsGzip(Headers requestHeaders) {
    String accepted = requestHeaders.getFirst("Accept-Encoding");
    return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
  }

  private static byte[] gzipped(byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(body);
    }
    return bytes.toByteArray();
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pacing a stream", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    httpsServer.stop(0);
    executor.shutdownNow();
  }

  /** Passes the response body to the exchange and keeps a copy of exactly what went on the wire. */
  private static final class WireRecorder extends FilterOutputStream {
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    WireRecorder(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      copy.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      copy.write(bytes, offset, length);
    }

    byte[] bytes() {
      return copy.toByteArray();
    }
  }
}
