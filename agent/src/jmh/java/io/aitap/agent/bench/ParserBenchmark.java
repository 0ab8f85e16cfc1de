package io.aitap.agent.bench;

import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The response scan alone: one body through a fresh parser of its protocol, fed in the 8 KB pieces
 * a client typically reads. {@code work} bytes scanned in {@code cpuNanos} of CPU time (auxiliary
 * counters, see {@link CpuTime}) is the scan rate; {@code gc.alloc.rate.norm} divided by the body
 * size is what each streamed byte allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ParserBenchmark {

  private static final int PIECE = 8192;
  private static final int DELTAS = 5000;

  /** json: a 2 KB chat completion; the others about 1 MB of content deltas and the final usage. */
  @Param({"json", "sse", "ndjson", "eventstream"})
  public String format;

  private AiEndpoint endpoint;
  private ResponseHead head;
  private byte[] body;
  private final RequestFacts request = new RequestFacts();

  @Setup
  public void setUp() {
    EndpointClassifier classifier = new EndpointClassifier(List.of(), true);
    switch (format) {
      case "json":
        endpoint = classifier.classify("https", "api.openai.com", 443, "/v1/chat/completions");
        head = head("application/json");
        body = Bodies.chatCompletion();
        break;
      case "sse":
        endpoint = classifier.classify("https", "api.openai.com", 443, "/v1/chat/completions");
        head = head("text/event-stream");
        body = Bodies.sse(DELTAS);
        break;
      case "ndjson":
        endpoint = classifier.classify("http", "localhost", 11434, "/api/chat");
        head = head("application/x-ndjson");
        body = Bodies.ndjson(DELTAS);
        break;
      case "eventstream":
        endpoint = classifier.classify("https", "bedrock-runtime.us-east-1.amazonaws.com", 443,
            "/model/anthropic.claude-3-5-haiku-20241022-v1:0/converse-stream");
        head = head("application/vnd.amazon.eventstream");
        body = Bodies.eventStream(DELTAS);
        break;
      default:
        throw new IllegalArgumentException(format);
    }
    if (endpoint == null) {
      throw new IllegalStateException("not an AI endpoint: " + format);
    }
    if (scan().outputTokens == null) {
      throw new IllegalStateException("the " + format + " body reports no usage");
    }
  }

  @Benchmark
  public Long scan(CpuTime cpu) {
    long start = CpuTime.now();
    Long tokens = scan().outputTokens;
    cpu.add(start, body.length);
    return tokens;
  }

  private ResponseFacts scan() {
    ResponseFacts facts = new ResponseFacts(() -> {});
    ResponseParser parser = endpoint.protocol().newResponseParser(head, request, facts);
    for (int at = 0; at < body.length; at += PIECE) {
      parser.feed(body, at, Math.min(PIECE, body.length - at));
    }
    parser.endOfBody();
    return facts;
  }

  static ResponseHead head(String contentType) {
    return new ResponseHead(200, name -> name.equalsIgnoreCase("content-type") ? contentType : null);
  }
}
