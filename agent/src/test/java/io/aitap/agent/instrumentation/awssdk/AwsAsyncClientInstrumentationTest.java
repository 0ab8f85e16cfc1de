package io.aitap.agent.instrumentation.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * The AWS SDK's Netty transport driven through the SDK's own HTTP SPI, as every async service
 * client drives it: the exchange is one call, the request body and each response buffer are seen
 * as they pass, and the SDK's handler gets exactly what the server sent, as it arrives.
 */
class AwsAsyncClientInstrumentationTest extends InstrumentedClientTest {

  private final SdkAsyncHttpClient client = NettyNioAsyncHttpClient.builder().build();

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void aRequestAndItsResponseAreSeenAsTheyPass() throws Exception {
    Exchange exchange = execute("/v1/chat/completions");
    exchange.done.get(30, TimeUnit.SECONDS);
    assertEquals(200, exchange.status.get());
    assertExchangeSeen(exchange.body.toString(StandardCharsets.UTF_8));
    assertEquals("application/json", onlyCall().call.head().header("CONTENT-TYPE"));
  }

  @Test
  void aStreamReachesTheSdkWhileTheCallSeesIt() throws Exception {
    Exchange exchange = execute("/v1/stream");
    exchange.firstBytes.get(30, TimeUnit.SECONDS);
    assertTrue(responseSeen(onlyCall()).startsWith(exchange.body.toString(StandardCharsets.UTF_8)));
    assertFalse(onlyCall().call.isEnded());
    server.releaseStream();
    exchange.done.get(30, TimeUnit.SECONDS);
    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, exchange.body.toString(StandardCharsets.UTF_8));
    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, responseSeen(onlyCall()));
    assertEquals(REQUEST, requestSeen(onlyCall()));
    assertSame(CallEnd.COMPLETED, endOf(onlyCall()));
  }

  @Test
  void anErrorResponseIsSeenWithItsStatus() throws Exception {
    Exchange exchange = execute("/v1/limited");
    exchange.done.get(30, TimeUnit.SECONDS);
    assertEquals(429, exchange.status.get());
    assertEquals(429, onlyCall().call.status());
    assertEquals(exchange.body.toString(StandardCharsets.UTF_8), responseSeen(onlyCall()));
    assertSame(CallEnd.COMPLETED, endOf(onlyCall()));
  }

  @Test
  void theCallHasFailedWhenTheSdkHearsOfTheFailure() throws Exception {
    Exchange exchange = execute("http://127.0.0.1:1/v1/chat/completions");
    assertThrows(ExecutionException.class, () -> exchange.done.get(30, TimeUnit.SECONDS));
    assertSame(CallEnd.FAILED, exchange.callEndAtTheError, "an application that exits on the SDK's error has the call counted");
  }

  @Test
  void otherTrafficIsLeftAlone() throws Exception {
    Exchange exchange = execute("/health");
    exchange.done.get(30, TimeUnit.SECONDS);
    assertEquals(FakeAiServer.JSON, exchange.body.toString(StandardCharsets.UTF_8));
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }

  /** What the SDK's handler got: the status, the body as it arrived, the end. */
  private static final class Exchange implements SdkAsyncHttpResponseHandler {
    final CompletableFuture<Integer> status = new CompletableFuture<>();
    final CompletableFuture<Void> firstBytes = new CompletableFuture<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    volatile CallEnd callEndAtTheError;

    @Override
    public void onHeaders(SdkHttpResponse headers) {
      status.complete(headers.statusCode());
    }

    @Override
    public void onStream(Publisher<ByteBuffer> stream) {
      stream.subscribe(new Subscriber<ByteBuffer>() {
        private Subscription subscription;

        @Override
        public void onSubscribe(Subscription s) {
          subscription = s;
          s.request(1);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          synchronized (body) {
            body.write(bytes, 0, bytes.length);
          }
          firstBytes.complete(null);
          subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
          done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
          done.complete(null);
        }
      });
    }

    @Override
    public void onError(Throwable error) {
      callEndAtTheError = onlyCall().call.end();
      done.completeExceptionally(error);
    }
  }

  private Exchange execute(String pathOrUrl) {
    byte[] body = REQUEST.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .uri(URI.create(pathOrUrl.startsWith("/") ? server.url(pathOrUrl) : pathOrUrl))
            .method(SdkHttpMethod.POST)
            .putHeader("Content-Type", "application/json")
            .putHeader("Content-Length", Integer.toString(body.length))
            .build();
    Exchange exchange = new Exchange();
    client.execute(
        AsyncExecuteRequest.builder()
            .request(request)
            .requestContentPublisher(new OneBuffer(body))
            .responseHandler(exchange)
            .build());
    return exchange;
  }

  /** A request body of one buffer, as the SDK publishes a JSON body. */
  private static final class OneBuffer implements SdkHttpContentPublisher {
    private final byte[] bytes;

    OneBuffer(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public Optional<Long> contentLength() {
      return Optional.of((long) bytes.length);
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
      subscriber.onSubscribe(new Subscription() {
        private boolean sent;

        @Override
        public void request(long n) {
          if (!sent && n > 0) {
            sent = true;
            subscriber.onNext(ByteBuffer.wrap(bytes));
            subscriber.onComplete();
          }
        }

        @Override
        public void cancel() {}
      });
    }
  }
}
