package io.aitap.smoke.clients;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * An application using {@code java.net.http.HttpClient} over HTTP/1.1. The style of a planned call
 * is {@code send:<handler>} or {@code sendAsync:<handler>}; each handler consumes the body the way
 * real code does (whole, as a stream read in odd-sized pieces, as lines, as a publisher pulled one
 * item at a time, through a custom subscriber).
 */
public final class JdkHttpClientProgram {

  private static final long TIMEOUT_SECONDS = 30;
  private static final int READ_SIZE = 97;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
          .build();

  public static void main(String[] args) throws Exception {
    JdkHttpClientProgram program = new JdkHttpClientProgram();
    PlanRunner.run(args, program::call);
  }

  private CallReport call(PlannedCall call) throws Exception {
    HttpRequest request = request(call);
    String style = call.style();
    int colon = style.indexOf(':');
    boolean async = style.substring(0, colon).equals("sendAsync");
    String handler = style.substring(colon + 1);
    switch (handler) {
      case "ofString":
        return exchange(call, request, BodyHandlers.ofString(), async, BodyDigest::ofUtf8);
      case "ofByteArray":
        return exchange(call, request, BodyHandlers.ofByteArray(), async, BodyDigest::of);
      case "ofInputStream":
        return exchange(call, request, BodyHandlers.ofInputStream(), async, JdkHttpClientProgram::readAll);
      case "ofLines":
        return exchange(call, request, BodyHandlers.ofLines(), async, JdkHttpClientProgram::digestLines);
      case "ofPublisher":
        return exchange(call, request, BodyHandlers.ofPublisher(), async, JdkHttpClientProgram::pullOneByOne);
      case "fromLineSubscriber":
        return exchange(call, request,
            BodyHandlers.fromLineSubscriber(new Digester<>(BodyDigest::updateLine), lines -> lines.result.join(), "\n"),
            async, hex -> hex);
      case "custom":
        return exchange(call, request, info -> new DigestingSubscriber(), async, hex -> hex);
      default:
        throw new IllegalArgumentException("unknown body handler " + handler);
    }
  }

  private static HttpRequest request(PlannedCall call) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri()).timeout(Duration.ofSeconds(TIMEOUT_SECONDS));
    for (Map.Entry<String, String> header : call.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    HttpRequest.BodyPublisher body =
        call.hasBody()
            ? HttpRequest.BodyPublishers.ofString(new String(call.body(), StandardCharsets.UTF_8))
            : HttpRequest.BodyPublishers.noBody();
    return builder.method(call.method(), body).build();
  }

  /** What the application makes of its body, reduced to a digest of what it saw. */
  private interface BodyReader<T> {
    String digest(T body) throws Exception;
  }

  private <T> CallReport exchange(
      PlannedCall call, HttpRequest request, BodyHandler<T> handler, boolean async, BodyReader<T> reader)
      throws Exception {
    HttpResponse<T> response =
        async
            ? client.sendAsync(request, handler).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
            : client.send(request, handler);
    String digest = reader.digest(response.body());
    return CallReport.completed(call.id(), response.statusCode(), digest, PlanRunner.requestSha256(call));
  }

  private static String readAll(InputStream body) throws Exception {
    BodyDigest digest = new BodyDigest();
    try (InputStream in = body) {
      byte[] buffer = new byte[READ_SIZE];
      int n;
      while ((n = in.read(buffer, 0, buffer.length)) != -1) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.hex();
  }

  private static String digestLines(Stream<String> lines) {
    BodyDigest digest = new BodyDigest();
    try (Stream<String> all = lines) {
      all.forEach(digest::updateLine);
    }
    return digest.hex();
  }

  private static String pullOneByOne(Flow.Publisher<List<ByteBuffer>> publisher) throws Exception {
    DigestingSubscriber subscriber = new DigestingSubscriber();
    publisher.subscribe(subscriber);
    return subscriber.getBody().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Hashes what a publisher hands out as it comes, requesting one item at a time; its result is the
   * hash once the publisher completes.
   */
  private static class Digester<T> implements Flow.Subscriber<T> {
    final CompletableFuture<String> result = new CompletableFuture<>();
    private final BodyDigest digest = new BodyDigest();
    private final BiConsumer<BodyDigest, T> hash;
    private Flow.Subscription subscription;

    Digester(BiConsumer<BodyDigest, T> hash) {
      this.hash = hash;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(T item) {
      hash.accept(digest, item);
      subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(digest.hex());
    }
  }

  /** A custom body subscriber that hashes the buffers as they come. */
  private static final class DigestingSubscriber extends Digester<List<ByteBuffer>> implements BodySubscriber<String> {
    DigestingSubscriber() {
      super((digest, buffers) -> buffers.forEach(digest::update));
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }
  }
}
