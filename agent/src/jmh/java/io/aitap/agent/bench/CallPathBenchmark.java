package io.aitap.agent.bench;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallFactory;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.RequestHeaders;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.telemetry.GenAiTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What aitap adds to one call, from the client hook's first question to the emitted span and
 * metrics: the endpoint check, the request scan, the response parse, pricing, and the SDK's span
 * and metric recording (spans batched to an exporter that drops them). {@code nonAi} is the one
 * check every other request pays ({@code nonAiUrl} where the client holds its URL as a string).
 * Allocation per call: {@code gc.alloc.rate.norm}; CPU time per call: {@code cpuNanos} over
 * {@code work} (see {@link CpuTime}; the span export thread's work, with nothing to export, is
 * left out).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CallPathBenchmark {

  private static final URI CHAT = URI.create("https://api.openai.com/v1/chat/completions");
  private static final URI OTHER = URI.create("https://api.example.com/v1/orders/42");
  private static final String OTHER_URL = OTHER.toString();
  private static final RequestHeaders TRACED =
      name -> name.equals("traceparent") ? "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" : null;
  private static final int PIECE = 8192;

  private OpenTelemetrySdk sdk;
  private CallFactory calls;
  private final byte[] chatRequest = Bodies.CHAT_REQUEST.getBytes(StandardCharsets.UTF_8);
  private final byte[] streamRequest = Bodies.STREAM_REQUEST.getBytes(StandardCharsets.UTF_8);
  private final byte[] chatResponse = Bodies.chatCompletion();
  private final byte[] streamResponse = Bodies.sse(50);
  private final ResponseHead json = ParserBenchmark.head("application/json");
  private final ResponseHead eventStream = ParserBenchmark.head("text/event-stream");

  @Setup
  public void setUp() {
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(new Dropped()).build()).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
        .build();
    GenAiTelemetry telemetry = new GenAiTelemetry("bench", CostCalculator.fromConfig(new AitapConfig(new Properties(), Map.of())));
    telemetry.start(sdk);
    calls = new CallFactory(new EndpointClassifier(List.of(), true), telemetry);
  }

  @TearDown
  public void tearDown() {
    sdk.close();
  }

  @Benchmark
  public AiCall nonAi(CpuTime cpu) {
    long start = CpuTime.now();
    AiCall none = calls.start(OTHER, TRACED);
    cpu.add(start, 1);
    return none;
  }

  /** The same check for a client that holds its URL as a string: OkHttp, Vert.x, Reactor Netty. */
  @Benchmark
  public AiCall nonAiUrl(CpuTime cpu) {
    long start = CpuTime.now();
    AiCall none = calls.start(OTHER_URL, TRACED);
    cpu.add(start, 1);
    return none;
  }

  /** A 2 KB chat completion. */
  @Benchmark
  public int chat(CpuTime cpu) {
    return call(cpu, chatRequest, json, chatResponse);
  }

  /** A chat stream of 50 content deltas (about 12 KB) with usage. */
  @Benchmark
  public int stream(CpuTime cpu) {
    return call(cpu, streamRequest, eventStream, streamResponse);
  }

  private int call(CpuTime cpu, byte[] request, ResponseHead head, byte[] response) {
    long start = CpuTime.now();
    AiCall call = calls.start(CHAT, TRACED);
    call.requestBody(request, 0, request.length);
    call.requestBodyEnd();
    call.responseHead(head);
    for (int at = 0; at < response.length; at += PIECE) {
      call.responseBody(response, at, Math.min(PIECE, response.length - at));
    }
    call.responseComplete();
    cpu.add(start, 1);
    return call.chunks();
  }

  /** The export a real exporter would do is not aitap's cost. */
  private static final class Dropped implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
