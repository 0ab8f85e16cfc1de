package io.aitap.agent.instrumentation.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;

/**
 * The SDK's methods the tap calls are found once, from the class of the first request: an SDK
 * that lacks one is left alone from that request on, before any call starts, rather than failing
 * in the middle of one.
 */
class AwsAsyncClientTapTest {

  private final List<URI> checked = new ArrayList<>();
  private final AwsAsyncClientTap tap =
      new AwsAsyncClientTap((uri, headers) -> {
        checked.add(uri);
        return null;
      });

  @Test
  void theSdksRequestIsCheckedByItsUrl() throws Exception {
    URI health = URI.create("http://127.0.0.1/health");
    AsyncExecuteRequest request =
        AsyncExecuteRequest.builder()
            .request(SdkHttpFullRequest.builder().uri(health).method(SdkHttpMethod.GET).build())
            .requestContentPublisher(ExecuteRequestCopierTest.publisher())
            .responseHandler(ExecuteRequestCopierTest.handler())
            .build();

    assertNotNull(AwsSdkApi.of(request));
    assertNull(tap.execute(request), "no AI call: the client executes the SDK's own request");
    assertEquals(List.of(health), checked);
  }

  @Test
  void anSdkLackingAMethodIsLeftAloneBeforeAnyCallStarts() throws Exception {
    RenamedRequest request = new RenamedRequest();
    assertNull(AwsSdkApi.of(request));

    assertNull(tap.execute(request));
    assertTrue(checked.isEmpty(), "no call was started");
    assertEquals(0, request.reads, "nothing of the request was read");
  }

  /** A later SDK's HTTP request, whose {@code getUri()} became {@code uri()}. */
  public interface RenamedHttpRequest {
    URI uri();
  }

  /** A later SDK's request: every property aitap knows, but its HTTP request is a {@link RenamedHttpRequest}. */
  public static final class RenamedRequest {
    int reads;

    public static Builder builder() {
      return new Builder();
    }

    public RenamedHttpRequest request() {
      reads++;
      return () -> URI.create("http://127.0.0.1/v1/chat/completions");
    }

    public Object requestContentPublisher() {
      reads++;
      return ExecuteRequestCopierTest.publisher();
    }

    public Object responseHandler() {
      reads++;
      return ExecuteRequestCopierTest.handler();
    }

    public static final class Builder {
      public Builder request(RenamedHttpRequest request) {
        return this;
      }

      public Builder requestContentPublisher(Object publisher) {
        return this;
      }

      public Builder responseHandler(Object handler) {
        return this;
      }

      public RenamedRequest build() {
        return new RenamedRequest();
      }
    }
  }
}
