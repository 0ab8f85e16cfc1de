package io.aitap.agent.instrumentation.jdkhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JdkHttpClientInstrumentationTest extends InstrumentedClientTest {

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpRequest post(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
        .build();
  }

  @Test
  void sendHandsTheApplicationTheBodyUnchangedAndTheCallSeesTheSameBytes() throws Exception {
    HttpResponse<String> response = client.send(post(server.url("/v1/chat/completions")), HttpResponse.BodyHandlers.ofString());
    assertExchangeSeen(response.body());
    assertEquals(200, onlyCall().call.status());
  }

  @Test
  void sendAsyncIsSeenToo() throws Exception {
    HttpResponse<String> response =
        client.sendAsync(post(server.url("/v1/limited")), HttpResponse.BodyHandlers.ofString()).get();
    assertEquals(429, response.statusCode());
    assertEquals(429, onlyCall().call.status());
    assertEquals(response.body(), responseSeen(onlyCall()));
  }

  @Test
  void theStreamStaysLiveWhileTheApplicationReadsIt() throws Exception {
    HttpResponse<InputStream> response = client.send(post(server.url("/v1/stream")), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      readStreamAsItArrives(body);
    }
  }

  @Test
  void theCallHasEndedWhenTheApplicationHearsTheBodyEnded() throws Exception {
    AtomicReference<CallEnd> seenAtTheEnd = new AtomicReference<>();
    HttpResponse.BodyHandler<String> handler = info -> new EndWatchingSubscriber(seenAtTheEnd);
    // a stream, without a length: only the end of the body tells that the response is whole
    CompletableFuture<HttpResponse<String>> response = client.sendAsync(post(server.url("/v1/stream")), handler);
    server.releaseStream();
    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, response.get().body());
    assertSame(CallEnd.COMPLETED, seenAtTheEnd.get(), "an application that exits on its answer has the call counted");
  }

  @Test
  void aConnectionFailureReachesTheApplicationUnchangedAndFailsTheCall() {
    assertThrows(ConnectException.class, () -> client.send(post("http://127.0.0.1:1/v1/chat/completions"), HttpResponse.BodyHandlers.ofString()));
    assertSame(CallEnd.FAILED, endOf(onlyCall()));
  }

  @Test
  void otherTrafficIsNotTouched() throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(post(server.url("/health")), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }

  /** The application's subscriber, noting how the call had ended when the body's end reached it. */
  private static final class EndWatchingSubscriber implements HttpResponse.BodySubscriber<String> {
    private final HttpResponse.BodySubscriber<String> text = HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    private final AtomicReference<CallEnd> seenAtTheEnd;

    EndWatchingSubscriber(AtomicReference<CallEnd> seenAtTheEnd) {
      this.seenAtTheEnd = seenAtTheEnd;
    }

    @Override
    public CompletionStage<String> getBody() {
      return text.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      text.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      text.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      text.onError(throwable);
    }

    @Override
    public void onComplete() {
      seenAtTheEnd.set(onlyCall().call.end());
      text.onComplete();
    }
  }
}
