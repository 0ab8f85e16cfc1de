package io.aitap.smoke.clients.reactornetty;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import java.lang.reflect.Method;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Spring's WebClient over the program's Reactor Netty client, written against the API Spring 5.3
 * to 7 share; a class apart, so the program loads Spring only for these styles: {@code
 * webclient:bytes} ({@code bodyToMono(byte[].class)}) or {@code webclient:stream} (each {@code
 * DataBuffer} digested and released as it arrives).
 */
final class WebClientCalls {

  private final WebClient webClient;

  WebClientCalls(HttpClient client) {
    webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
  }

  CallReport call(PlannedCall planned) {
    boolean streaming;
    switch (planned.style()) {
      case "webclient:bytes":
        streaming = false;
        break;
      case "webclient:stream":
        streaming = true;
        break;
      default:
        throw new IllegalArgumentException("unknown style " + planned.style());
    }
    String requestSha256 = PlanRunner.requestSha256(planned);
    WebClient.RequestBodySpec spec = webClient
        .method(HttpMethod.valueOf(planned.method()))
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
    }).block(ReactorNettyProgram.TIMEOUT);
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
