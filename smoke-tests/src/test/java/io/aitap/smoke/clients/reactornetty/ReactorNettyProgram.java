package io.aitap.smoke.clients.reactornetty;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * An application using Reactor Netty's HttpClient directly or through Spring's WebClient, written
 * against the API Reactor Netty 1.0 to 1.3 (and 0.9, as far as it goes) share. The style of a
 * planned call is {@code netty:aggregate} ({@code responseSingle}), {@code netty:stream} (each
 * chunk of {@code response((head, body) -> …)} digested as it arrives), or a style of
 * {@link WebClientCalls}.
 *
 * <p>Netty resolves host names with a DNS client of its own, which reads {@code /etc/hosts} but not
 * the JDK's {@code jdk.net.hosts.file}; the program has Reactor Netty resolve through the JDK
 * ({@code DefaultAddressResolverGroup}), so the smoke tests' hosts file sends every provider name to
 * 127.0.0.1 and no name is ever looked up elsewhere.
 */
public final class ReactorNettyProgram {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client = jdkResolving(HttpClient.create());
  /** Made on first use: the Reactor Netty 0.9 run has no Spring. */
  private WebClientCalls webClient;

  public static void main(String[] args) throws Exception {
    PlanRunner.run(args, new ReactorNettyProgram()::call);
  }

  /** Reactor Netty 0.9 (run to show aitap leaves it alone) has no {@code resolver}, and resolves through the JDK already. */
  private static HttpClient jdkResolving(HttpClient client) {
    try {
      return client.resolver(DefaultAddressResolverGroup.INSTANCE);
    } catch (NoSuchMethodError e) {
      return client;
    }
  }

  private CallReport call(PlannedCall planned) {
    switch (planned.style()) {
      case "netty:aggregate":
        return aggregate(planned);
      case "netty:stream":
        return stream(planned);
      default:
        if (webClient == null) {
          webClient = new WebClientCalls(client);
        }
        return webClient.call(planned);
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

  private CallReport aggregate(PlannedCall planned) {
    return request(planned)
        .responseSingle((head, body) -> body.asByteArray()
            .defaultIfEmpty(new byte[0])
            .map(bytes -> CallReport.completed(
                planned.id(), head.status().code(), BodyDigest.of(bytes), PlanRunner.requestSha256(planned))))
        .block(TIMEOUT);
  }

  private CallReport stream(PlannedCall planned) {
    BodyDigest digest = new BodyDigest();
    AtomicInteger status = new AtomicInteger();
    request(planned)
        .response((head, body) -> {
          status.set(head.status().code());
          return body.asByteArray().doOnNext(chunk -> digest.update(chunk, 0, chunk.length));
        })
        .blockLast(TIMEOUT);
    return CallReport.completed(planned.id(), status.get(), digest.hex(), PlanRunner.requestSha256(planned));
  }
}
