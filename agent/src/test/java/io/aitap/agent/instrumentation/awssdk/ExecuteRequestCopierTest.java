package io.aitap.agent.instrumentation.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import software.amazon.awssdk.http.SdkHttpExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.metrics.MetricCollector;

/** Copies of the SDK's request keep every property but the two aitap replaces, or are not made. */
class ExecuteRequestCopierTest {

  private static final SdkHttpExecutionAttribute<String> ATTRIBUTE =
      new SdkHttpExecutionAttribute<String>(String.class) {};

  @Test
  void aCopyHasTheNewBodyAndHandlerAndEverythingElseOfTheOriginal() throws Exception {
    MetricCollector metrics = MetricCollector.create("smoke");
    AsyncExecuteRequest original =
        AsyncExecuteRequest.builder()
            .request(
                SdkHttpFullRequest.builder().uri(URI.create("http://127.0.0.1/x")).method(SdkHttpMethod.POST).build())
            .requestContentPublisher(publisher())
            .responseHandler(handler())
            .metricCollector(metrics)
            .fullDuplex(true)
            .putHttpExecutionAttribute(ATTRIBUTE, "kept")
            .build();
    SdkHttpContentPublisher body = publisher();
    SdkAsyncHttpResponseHandler handler = handler();

    AsyncExecuteRequest copy =
        (AsyncExecuteRequest) new ExecuteRequestCopier(AsyncExecuteRequest.class).copy(original, body, handler);

    assertSame(body, copy.requestContentPublisher());
    assertSame(handler, copy.responseHandler());
    assertSame(original.request(), copy.request());
    assertSame(metrics, copy.metricCollector().get());
    assertTrue(copy.fullDuplex());
    assertEquals("kept", copy.httpExecutionAttributes().getAttribute(ATTRIBUTE));
  }

  @Test
  void aRequestWithAPropertyAitapDoesNotKnowIsNotCopied() {
    NoSuchMethodException unknown =
        assertThrows(NoSuchMethodException.class, () -> new ExecuteRequestCopier(LaterRequest.class));
    assertEquals("unknown property priority", unknown.getMessage());
  }

  /** What a later SDK's request might look like: one more property, which a copy would lose. */
  public static final class LaterRequest {
    public static Builder builder() {
      return new Builder();
    }

    public Object request() {
      return null;
    }

    public Object priority() {
      return null;
    }

    public static final class Builder {
      public Builder request(Object request) {
        return this;
      }

      public LaterRequest build() {
        return new LaterRequest();
      }
    }
  }

  static SdkHttpContentPublisher publisher() {
    return new SdkHttpContentPublisher() {
      @Override
      public Optional<Long> contentLength() {
        return Optional.empty();
      }

      @Override
      public void subscribe(Subscriber<? super ByteBuffer> subscriber) {}
    };
  }

  static SdkAsyncHttpResponseHandler handler() {
    return new SdkAsyncHttpResponseHandler() {
      @Override
      public void onHeaders(SdkHttpResponse headers) {}

      @Override
      public void onStream(Publisher<ByteBuffer> stream) {}

      @Override
      public void onError(Throwable error) {}
    };
  }
}
