package io.aitap.smoke.harness;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aitap.smoke.replay.MetricTotals;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on 127.0.0.1: accepts {@code application/x-protobuf} exports on
 * {@code /v1/traces}, {@code /v1/metrics} and {@code /v1/logs} as a collector would, and keeps the
 * spans and metrics it decoded, and every export whole (log records included) as text, for searches
 * of everything the agent sent. Exports it cannot decode are answered 400 and remembered, so a test
 * can tell "nothing was sent" from "something unreadable was sent".
 */
public final class OtlpReceiver implements AutoCloseable {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final long POLL_MILLIS = 50;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("otlp-receiver"));
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
  private final List<Metric> metrics = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();
  private final List<String> exports = new CopyOnWriteArrayList<>();

  public OtlpReceiver() throws IOException {
    this(0);
  }

  /**
   * A receiver on this port of 127.0.0.1 (0: any free one). It speaks HTTP/1.1 only, as many
   * proxies and vendor endpoints do: an exporter speaking gRPC (HTTP/2) to it delivers nothing.
   */
  public OtlpReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(executor);
    server.createContext("/v1/traces", exchange -> receive(exchange, this::traces));
    server.createContext("/v1/metrics", exchange -> receive(exchange, this::metrics));
    server.createContext("/v1/logs", exchange -> receive(exchange, this::logs));
    server.start();
  }

  /** The endpoint for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<ReceivedSpan> spans() {
    return new ArrayList<>(spans);
  }

  public List<Metric> metrics() {
    return new ArrayList<>(metrics);
  }

  /**
   * Every decoded export in protobuf's text form: resources, scopes, spans with their events and
   * links, metrics with their data points, log records — each string the agent sent, in full.
   */
  public List<String> exports() {
    return new ArrayList<>(exports);
  }

  /** Exports that were not valid OTLP protobuf, described. */
  public List<String> rejected() {
    return new ArrayList<>(rejected);
  }

  public MetricTotals histogram(String name) {
    return MetricTotals.of(name, metrics);
  }

  /** Waits until at least {@code count} spans match, then returns all that match. */
  public List<ReceivedSpan> awaitSpans(Predicate<ReceivedSpan> matching, int count, Duration timeout) {
    return await(() -> matchingSpans(matching), found -> found.size() >= count, timeout);
  }

  /** Waits until the histogram has at least {@code count} recordings, then returns its totals. */
  public MetricTotals awaitHistogram(String name, long count, Duration timeout) {
    return await(() -> histogram(name), totals -> totals.recordings() >= count, timeout);
  }

  private List<ReceivedSpan> matchingSpans(Predicate<ReceivedSpan> matching) {
    List<ReceivedSpan> found = new ArrayList<>();
    for (ReceivedSpan span : spans) {
      if (matching.test(span)) {
        found.add(span);
      }
    }
    return found;
  }

  private interface Snapshot<T> {
    T take();
  }

  private static <T> T await(Snapshot<T> snapshot, Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T current = snapshot.take();
    while (!done.test(current) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      current = snapshot.take();
    }
    return current;
  }

  private interface Decoder {
    MessageLite decode(byte[] body) throws InvalidProtocolBufferException;
  }

  private void receive(HttpExchange exchange, Decoder decoder) throws IOException {
    try {
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      byte[] body = body(exchange);
      if (!"POST".equals(exchange.getRequestMethod()) || contentType == null || !contentType.startsWith(PROTOBUF)) {
        reject(exchange, exchange.getRequestMethod() + " " + exchange.getRequestURI() + " as " + contentType, 415);
        return;
      }
      MessageLite response;
      try {
        response = decoder.decode(body);
      } catch (InvalidProtocolBufferException e) {
        reject(exchange, exchange.getRequestURI() + ": " + e.getMessage(), 400);
        return;
      }
      byte[] answer = response.toByteArray();
      exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } finally {
      exchange.close();
    }
  }

  private void reject(HttpExchange exchange, String why, int status) throws IOException {
    rejected.add(why);
    exchange.sendResponseHeaders(status, -1);
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    try (InputStream raw = exchange.getRequestBody();
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      return in.readAllBytes();
    }
  }

  private MessageLite traces(byte[] body) throws InvalidProtocolBufferException {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
    exports.add(request.toString());
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      Map<String, Object> resource = OtlpValues.attributes(resourceSpans.getResource().getAttributesList());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(new ReceivedSpan(span, resource));
        }
      }
    }
    return ExportTraceServiceResponse.getDefaultInstance();
  }

  private MessageLite metrics(byte[] body) throws InvalidProtocolBufferException {
    ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
    exports.add(request.toString());
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        metrics.addAll(scopeMetrics.getMetricsList());
      }
    }
    return ExportMetricsServiceResponse.getDefaultInstance();
  }

  private MessageLite logs(byte[] body) throws InvalidProtocolBufferException {
    exports.add(ExportLogsServiceRequest.parseFrom(body).toString());
    return ExportLogsServiceResponse.getDefaultInstance();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
