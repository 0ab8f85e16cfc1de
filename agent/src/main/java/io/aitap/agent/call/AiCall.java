package io.aitap.agent.call;

import io.aitap.agent.AgentLog;
import io.aitap.agent.attribution.Attribution;
import io.aitap.agent.attribution.CallAttribution;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.ContentDecoding;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestHeaders;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The record of one AI exchange. Client hooks feed it what they see (request bytes, response head,
 * response bytes as the application reads them, the end); it hands bytes to the protocol's parsers
 * and, exactly once, itself to the {@link CallSink}.
 *
 * <p>Never throws: a parser that fails stops being fed, and the call is still reported with what
 * was known.
 */
public final class AiCall implements ResponseFacts.ChunkListener {

  private static final int COPY_CHUNK = 8192;
  private static final VarHandle ENDED;

  static {
    try {
      ENDED = MethodHandles.lookup().findVarHandle(AiCall.class, "ended", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final AiEndpoint endpoint;
  private final CallSink sink;
  /** The W3C trace context the request carried; the last one seen on its way out wins. */
  private volatile String traceparent;
  private final CallAttribution attribution;
  private final long startEpochNanos;
  private final long startNanos;
  /** Set once, by whichever end comes first; a field with a handle rather than an object per call. */
  private volatile boolean ended;
  private final RequestFacts request = new RequestFacts();
  private final ResponseFacts response = new ResponseFacts(this);

  private RequestScanner requestScanner;
  /**
   * Once the request body has ended, the request is what was sent: a client that retries (after a
   * 429, say) or follows a redirect sends the same body again, and none of it is read twice.
   */
  private boolean requestBodyEnded;
  private ResponseParser responseParser;
  private ResponseHead head;
  private boolean parsingBroken;
  private byte[] copyBuffer;

  private long declaredLength = -1;
  private long responseBytesSeen;

  private long firstChunkNanos = -1;
  private long lastChunkNanos;
  private int chunks;

  /** What the sink derived from this call once to reuse, e.g. telemetry's attributes for every chunk. */
  private volatile Object sinkState;

  private volatile CallEnd end;
  private volatile Throwable failure;
  private volatile CallOutcome outcome;
  private volatile long endNanos;

  public AiCall(AiEndpoint endpoint, CallSink sink) {
    this(endpoint, sink, Attribution.NONE);
  }

  /** Its {@code traceparent} and attribution come from the headers {@link #requestHeaders} is shown. */
  public AiCall(AiEndpoint endpoint, CallSink sink, Attribution attribution) {
    this.endpoint = endpoint;
    this.sink = sink;
    this.attribution = attribution.newCall();
    this.startEpochNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    this.startNanos = System.nanoTime();
    if (endpoint.modelFromPath() != null) {
      request.model = endpoint.modelFromPath();
    }
  }

  /** Captures the call's messages into {@code content}: before its first byte, and only when capture is on. */
  void captureContent(CallContent content) {
    request.content = content;
    response.content = content;
  }

  // ---- fed by client hooks -------------------------------------------------------------------

  public synchronized void requestBody(byte[] bytes, int offset, int length) {
    if (length <= 0 || parsingBroken || ended || requestBodyEnded) {
      return;
    }
    try {
      if (requestScanner == null) {
        requestScanner = endpoint.protocol().newRequestScanner(request);
      }
      requestScanner.feed(bytes, offset, length);
    } catch (RuntimeException | StackOverflowError e) {
      brokenParser("request", e);
    }
  }

  public synchronized void requestBody(ByteBuffer buffer) {
    feed(buffer, true);
  }

  public synchronized void requestBodyEnd() {
    if (requestBodyEnded) {
      return;
    }
    requestBodyEnded = true;
    if (requestScanner == null || parsingBroken) {
      return;
    }
    try {
      requestScanner.endOfBody();
    } catch (RuntimeException e) {
      brokenParser("request", e);
    }
  }

  public synchronized void responseHead(ResponseHead responseHead) {
    if (head != null || ended) {
      return;
    }
    head = responseHead;
    declaredLength = declaredLength(responseHead);
    requestBodyEnd();
    if (parsingBroken) {
      return;
    }
    try {
      ResponseParser parser = endpoint.protocol().newResponseParser(responseHead, request, response);
      responseParser = ContentDecoding.decoding(responseHead.header("content-encoding"), parser);
    } catch (RuntimeException e) {
      brokenParser("response", e);
    }
  }

  /**
   * Bytes of the response body, as the application received them. Once the application has had as
   * many as the response declared ({@code Content-Length}) the body has been read to its end, even
   * if the application then closes it rather than reading on to the end of the stream (Spring
   * reads exactly that many).
   */
  public synchronized void responseBody(byte[] bytes, int offset, int length) {
    if (length <= 0 || ended) {
      return;
    }
    if (responseParser != null && !parsingBroken) {
      try {
        responseParser.feed(bytes, offset, length);
      } catch (RuntimeException | StackOverflowError e) {
        brokenParser("response", e);
      }
    }
    responseBytesSeen += length;
    if (declaredLength >= 0 && responseBytesSeen >= declaredLength) {
      responseComplete();
    }
  }

  /** Reads the buffer's remaining bytes without moving its position. */
  public synchronized void responseBody(ByteBuffer buffer) {
    feed(buffer, false);
  }

  /** The application read the body to its end. */
  public void responseComplete() {
    finish(CallEnd.COMPLETED, null);
  }

  public void failed(Throwable cause) {
    finish(CallEnd.FAILED, cause);
  }

  public void cancelled() {
    finish(CallEnd.CANCELLED, null);
  }

  /** The application closed the body early, or dropped everything without reading it. */
  public void abandoned() {
    finish(CallEnd.ABANDONED, null);
  }

  /**
   * The exchange is not one the application sees (a redirect the client follows itself): it ends
   * here unreported, and nothing later (a cancel, the abandon watch) reports it.
   */
  public void discarded() {
    if (ENDED.compareAndSet(this, false, true)) {
      sink.discarded(this);
    }
  }

  private void feed(ByteBuffer buffer, boolean isRequest) {
    if (!buffer.hasRemaining() || ended) {
      return;
    }
    if (buffer.hasArray()) {
      int offset = buffer.arrayOffset() + buffer.position();
      if (isRequest) {
        requestBody(buffer.array(), offset, buffer.remaining());
      } else {
        responseBody(buffer.array(), offset, buffer.remaining());
      }
      return;
    }
    ByteBuffer view = buffer.duplicate();
    if (copyBuffer == null) {
      copyBuffer = new byte[COPY_CHUNK];
    }
    while (view.hasRemaining()) {
      int n = Math.min(view.remaining(), copyBuffer.length);
      view.get(copyBuffer, 0, n);
      if (isRequest) {
        requestBody(copyBuffer, 0, n);
      } else {
        responseBody(copyBuffer, 0, n);
      }
    }
  }

  private void finish(CallEnd how, Throwable cause) {
    if (!ENDED.compareAndSet(this, false, true)) {
      return;
    }
    endNanos = System.nanoTime();
    synchronized (this) {
      if (responseParser != null && !parsingBroken) {
        try {
          responseParser.endOfBody();
        } catch (RuntimeException e) {
          brokenParser("response", e);
        }
      }
    }
    failure = cause;
    end = how;
    try {
      outcome = CallOutcome.of(this);
      sink.ended(this);
    } catch (RuntimeException e) {
      AgentLog.debug("telemetry for a call failed", e);
    }
  }

  private static long declaredLength(ResponseHead head) {
    String value = head.header("content-length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void brokenParser(String which, Throwable e) {
    parsingBroken = true;
    AgentLog.debug("stopped reading a " + which + " body of " + endpoint.serverAddress(), e);
  }

  @Override
  public void onChunk() {
    long now = System.nanoTime();
    chunks++;
    if (firstChunkNanos < 0) {
      firstChunkNanos = now;
    } else {
      try {
        sink.chunkGap(this, now - lastChunkNanos);
      } catch (RuntimeException e) {
        AgentLog.debug("chunk telemetry failed", e);
      }
    }
    lastChunkNanos = now;
  }

  /**
   * The request's headers, when the call starts and again as it goes on the wire: its
   * {@code traceparent} (when it has one) replaces the one seen before, because a tracing agent's
   * or interceptor's own HTTP span injects its context after the application built the request,
   * and its span is the one the AI span belongs under; so does its attribution (baggage the same
   * agent adds). With retries, the last attempt's wins: it answered the application.
   */
  public void requestHeaders(RequestHeaders headers) {
    String seen = headers.valueOrNull("traceparent");
    if (seen != null) {
      this.traceparent = seen;
    }
    try {
      attribution.read(headers);
    } catch (RuntimeException e) {
      AgentLog.debug("could not read the attribution of a call", e);
    }
  }

  // ---- read by telemetry ---------------------------------------------------------------------

  public Object sinkState() {
    return sinkState;
  }

  public void sinkState(Object state) {
    sinkState = state;
  }

  public AiEndpoint endpoint() {
    return endpoint;
  }

  public String traceparent() {
    return traceparent;
  }

  public CallAttribution attribution() {
    return attribution;
  }

  public RequestFacts request() {
    return request;
  }

  public ResponseFacts response() {
    return response;
  }

  /** The captured messages, or null when content capture is off for this call. */
  public CallContent content() {
    return request.content;
  }

  /** The response status, or 0 when no response arrived. */
  public int status() {
    ResponseHead h = head;
    return h == null ? 0 : h.status();
  }

  public ResponseHead head() {
    return head;
  }

  public boolean isEnded() {
    return ended;
  }

  public CallEnd end() {
    return end;
  }

  public Throwable failure() {
    return failure;
  }

  /** What the call came to, decided as it ended; null until then. */
  public CallOutcome outcome() {
    return outcome;
  }

  public long startEpochNanos() {
    return startEpochNanos;
  }

  public long durationNanos() {
    return (ended ? endNanos : System.nanoTime()) - startNanos;
  }

  /** Nanoseconds from the start of the call to the first streamed output chunk, or -1. */
  public long timeToFirstChunkNanos() {
    return firstChunkNanos < 0 ? -1 : firstChunkNanos - startNanos;
  }

  public int chunks() {
    return chunks;
  }

  /** Whether the stream flag was set: by the request, or evidently by the response framing. */
  public boolean isStreaming() {
    if (request.stream != null) {
      return request.stream;
    }
    ResponseHead h = head;
    return h != null && (h.isEventStream() || h.mediaType().equals("application/x-ndjson")
        || h.mediaType().equals("application/vnd.amazon.eventstream"));
  }
}
