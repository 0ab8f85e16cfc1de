package io.aitap.agent.instrumentation.jdkhttp;

import io.aitap.agent.call.AiCall;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * Reads a request body for the call's request scanner by subscribing to the request's publisher a
 * second time. Only done for the JDK's in-memory publishers ({@code ofString}, {@code ofByteArray}):
 * they hand out their array again with no side effect, whereas subscribing twice to a file, stream
 * or custom publisher could consume or repeat what the application supplies.
 */
final class RequestBodyReplay {

  private static final String BYTE_ARRAY_PUBLISHER =
      "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher";
  private static final String STRING_PUBLISHER =
      "jdk.internal.net.http.RequestPublishers$StringPublisher";

  private RequestBodyReplay() {}

  static void replay(HttpRequest.BodyPublisher publisher, AiCall call) {
    String type = publisher.getClass().getName();
    if (type.equals(BYTE_ARRAY_PUBLISHER) || type.equals(STRING_PUBLISHER)) {
      publisher.subscribe(new Reader(call));
    }
  }

  private static final class Reader implements Flow.Subscriber<ByteBuffer> {
    private final AiCall call;

    Reader(AiCall call) {
      this.call = call;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer item) {
      call.requestBody(item);
    }

    @Override
    public void onError(Throwable throwable) {
      call.requestBodyEnd();
    }

    @Override
    public void onComplete() {
      call.requestBodyEnd();
    }
  }
}
