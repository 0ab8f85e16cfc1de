package io.aitap.agent.instrumentation.apachehttpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import java.io.IOException;
import java.nio.CharBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.async.methods.AbstractCharResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequests;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheAsyncClientInstrumentationTest extends InstrumentedClientTest {

  private final CloseableHttpAsyncClient client = HttpAsyncClients.createDefault();

  @BeforeEach
  void startClient() {
    client.start();
  }

  @AfterEach
  void closeClient() {
    client.close(CloseMode.IMMEDIATE);
  }

  private SimpleHttpRequest post(String path) {
    SimpleHttpRequest request = SimpleHttpRequests.post(server.url(path));
    request.setBody(REQUEST, ContentType.APPLICATION_JSON);
    return request;
  }

  @Test
  void aSimpleRequestAndResponseAreSeenAsTheyPass() throws Exception {
    SimpleHttpResponse response = client.execute(post("/v1/chat/completions"), null).get(30, TimeUnit.SECONDS);
    assertExchangeSeen(response.getBodyText());
    assertEquals(200, onlyCall().call.status());
  }

  @Test
  void aStreamingConsumerGetsEventsWhileTheCallSeesThem() throws Exception {
    CompletableFuture<String> firstEvent = new CompletableFuture<>();
    Future<String> done =
        client.execute(
            AsyncRequestBuilder.post(server.url("/v1/stream"))
                .setEntity(REQUEST, ContentType.APPLICATION_JSON)
                .build(),
            new TextConsumer() {
              @Override
              protected void data(CharBuffer data, boolean endOfStream) {
                super.data(data, endOfStream);
                if (text.length() >= FakeAiServer.FIRST_EVENT.length()) {
                  firstEvent.complete(text.toString());
                }
              }
            },
            null);

    assertEquals(FakeAiServer.FIRST_EVENT, firstEvent.get(30, TimeUnit.SECONDS));
    assertEquals(FakeAiServer.FIRST_EVENT, responseSeen(onlyCall()));
    assertFalse(onlyCall().call.isEnded());
    server.releaseStream();

    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, done.get(30, TimeUnit.SECONDS));
    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, responseSeen(onlyCall()));
    assertEquals(REQUEST, requestSeen(onlyCall()));
    assertSame(CallEnd.COMPLETED, endOf(onlyCall()));
  }

  @Test
  void aConnectionFailureEndsTheCallAsFailed() throws Exception {
    try {
      client.execute(SimpleHttpRequests.post("http://127.0.0.1:1/v1/chat/completions"), null).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException expected) {
      assertTrue(expected.getCause() instanceof IOException);
    }
    assertSame(CallEnd.FAILED, endOf(onlyCall()));
  }

  @Test
  void theCallHasFailedWhenTheApplicationsConsumerHearsOfTheFailure() {
    AtomicReference<CallEnd> callEndAtTheFailure = new AtomicReference<>();
    Future<String> response =
        client.execute(
            SimpleRequestProducer.create(SimpleHttpRequests.post("http://127.0.0.1:1/v1/chat/completions")),
            new TextConsumer() {
              @Override
              public void failed(Exception cause) {
                callEndAtTheFailure.set(onlyCall().call.end());
              }
            },
            null);
    assertThrows(ExecutionException.class, () -> response.get(30, TimeUnit.SECONDS));
    assertSame(CallEnd.FAILED, callEndAtTheFailure.get(), "an application that exits on the failure has the call counted");
  }

  @Test
  void aRateLimitedCallTheClientRetriesIsSeenAsTheApplicationSeesIt() throws Exception {
    SimpleHttpResponse response = client.execute(post("/v1/limited-once"), null).get(30, TimeUnit.SECONDS);
    assertEquals(200, response.getCode());
    assertExchangeSeen(response.getBodyText());
    assertEquals(200, onlyCall().call.status());
  }

  @Test
  void otherTrafficIsNotTouched() throws Exception {
    SimpleHttpResponse response = client.execute(post("/health"), null).get(30, TimeUnit.SECONDS);
    assertEquals(FakeAiServer.JSON, response.getBodyText());
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }

  /**
   * A tracing agent (the OpenTelemetry Java agent) hands the client its own producer around the
   * application's, and sets {@code traceparent} on the request as it is sent: the call is seen, and
   * takes that context.
   */
  @Test
  void aRequestInsideATracingProducerIsSeenWithTheContextItIsSentWith() throws Exception {
    String onTheWire = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    SimpleHttpResponse response = client.execute(
        new TracingProducer(SimpleRequestProducer.create(post("/v1/chat/completions")), onTheWire),
        SimpleResponseConsumer.create(), null).get(30, TimeUnit.SECONDS);
    assertExchangeSeen(response.getBodyText());
    assertEquals(onTheWire, onlyCall().call.traceparent());
  }

  private static final class TracingProducer implements AsyncRequestProducer {
    private final AsyncRequestProducer delegate;
    private final String traceparent;

    TracingProducer(AsyncRequestProducer delegate, String traceparent) {
      this.delegate = delegate;
      this.traceparent = traceparent;
    }

    @Override
    public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
      delegate.sendRequest((request, entity, c) -> {
        request.setHeader("traceparent", traceparent);
        channel.sendRequest(request, entity, c);
      }, context);
    }

    @Override
    public boolean isRepeatable() {
      return delegate.isRepeatable();
    }

    @Override
    public void failed(Exception cause) {
      delegate.failed(cause);
    }

    @Override
    public int available() {
      return delegate.available();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
      delegate.produce(channel);
    }

    @Override
    public void releaseResources() {
      delegate.releaseResources();
    }
  }

  /** The application's consumer: the response's text, as it arrives. */
  private static class TextConsumer extends AbstractCharResponseConsumer<String> {
    final StringBuilder text = new StringBuilder();

    @Override
    protected void start(HttpResponse response, ContentType contentType) {}

    @Override
    protected int capacityIncrement() {
      return Integer.MAX_VALUE;
    }

    @Override
    protected void data(CharBuffer data, boolean endOfStream) {
      text.append(data);
    }

    @Override
    protected String buildResult() {
      return text.toString();
    }

    @Override
    public void failed(Exception cause) {}

    @Override
    public void releaseResources() {}
  }
}
