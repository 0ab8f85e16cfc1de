package io.aitap.smoke.clients.reactornetty;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * An application using Reactor Netty's HttpClient directly or through Spring's WebClient, written
 * against the API Reactor Netty 1.0 to 1.3 (and Spring 5.3 to 7) share. The style of a planned call
 * is {@code netty:aggregate} ({@code responseSingle}), {@code netty:stream} (each chunk of
 * {@code response((head, body) -> …)} digested as it arrives), {@code webclient:bytes} or
 * {@code webclient:stream} (each {@code DataBuffer} digested and released as it arrives).
 *
 * <p>Netty resolves host names with a DNS client of its own, which reads {@code /etc/hosts} but not
 * the JDK's {@code jdk.net.hosts.file}; the program has Reactor Netty resolve through the JDK
 * ({@code DefaultAddressResolverGroup}), so the smoke tests' hosts file sends every provider name to
 * 127.0.0.1 and no name is ever looked up elsewhere.
 */
public final class ReactorNettyProgram {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client = jdkResolving(HttpClient.create());
  /** Made on first use: the Reactor Netty 0.9 run has no Spring. */
  private WebClient webClient;

  public static void main(String[] args) throws Exception {
    PlanRunner.run(args, new ReactorNettyProgram()::call);
  }

  /** Reactor Netty 0.9 (run to show aitap leaves it alone) has no {@code resolver}, and resolves through the JDK already. */
  static HttpClient jdkResolving(HttpClient client) {
    try {
      return client.resolver(DefaultAddressResolverGroup.INSTANCE);
    } catch (NoSuchMethodError e) {
      return client;
    }
  }

  private CallReport call(PlannedCall planned) {
    String requestSha256 = PlanRunner.requestSha256(planned);
    switch (planned.style()) {
      case "netty:aggregate":
        return aggregate(planned, requestSha256);
      case "netty:stream":
        return stream(planned, requestSha256);
      case "webclient:bytes":
        return webClient(planned, requestSha256, false);
      case "webclient:stream":
        return webClient(planned, requestSha256, true);
      default:
        throw new IllegalArgumentException("unknown style " + planned.style());
    }
  }

  private HttpClient.ResponseReceiver<?> request(PlannedCall planned) {
    HttpClient.RequestSender sender = client
        .headers(headers -> planned.headers().forEach(headers::set))
        .request(HttpMethod.valueOf(planned.method()))
        .uri(planned.uri().toString());
    return planned.hasBody()
        ? sender.send((request, out) -> out.sendByteArray(Mono.just(planned.body())))
        : sender;
  }

  private CallReport aggregate(PlannedCall planned, String requestSha256) {
    return request(planned)
        .responseSingle((head, body) -> body.asByteArray()
            .defaultIfEmpty(new byte[0])
            .map(bytes -> CallReport.completed(planned.id(), head.status().code(), BodyDigest.of(bytes), requestSha256)))
        .block(TIMEOUT);
  }

  private CallReport stream(PlannedCall planned, String requestSha256) {
    BodyDigest digest = new BodyDigest();
    AtomicInteger status = new AtomicInteger();
    request(planned)
        .response((head, body) -> {
          status.set(head.status().code());
          return body.asByteArray().doOnNext(chunk -> digest.update(chunk, 0, chunk.length));
        })
        .blockLast(TIMEOUT);
    return CallReport.completed(planned.id(), status.get(), digest.hex(), requestSha256);
  }

  private CallReport webClient(PlannedCall planned, String requestSha256, boolean streaming) {
    if (webClient == null) {
      webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
    }
    WebClient.RequestBodySpec spec = webClient
        .method(org.springframework.http.HttpMethod.valueOf(planned.method()))
        .uri(planned.uri())
        .headers(headers -> planned.headers().forEach(headers::set));
    WebClient.RequestHeadersSpec<?> ready = planned.hasBody() ? spec.bodyValue(planned.body()) : spec;
    return ready.exchangeToMono(response -> {
      int status = statusCode(response);
      if (!streaming) {
        return response.bodyToMono(byte[].class)
            .defaultIfEmpty(new byte[0])
            .map(bytes -> CallReport.completed(planned.id(), status, BodyDigest.of(bytes), requestSha256));
      }
      BodyDigest digest = new BodyDigest();
      return response.bodyToFlux(DataBuffer.class)
          .doOnNext(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            digest.update(bytes, 0, bytes.length);
          })
          .then(Mono.fromSupplier(() -> CallReport.completed(planned.id(), status, digest.hex(), requestSha256)));
    }).block(TIMEOUT);
  }

  /** {@code statusCode().value()}: Spring 5 returns an {@code HttpStatus}, Spring 6 on an {@code HttpStatusCode}. */
  private static int statusCode(ClientResponse response) {
    try {
      Method statusCode = ClientResponse.class.getMethod("statusCode");
      Object status = statusCode.invoke(response);
      return (Integer) statusCode.getReturnType().getMethod("value").invoke(status);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
