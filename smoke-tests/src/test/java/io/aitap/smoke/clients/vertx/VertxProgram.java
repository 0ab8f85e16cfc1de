package io.aitap.smoke.clients.vertx;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An application using Vert.x's HTTP client, written against the API Vert.x 4.0 to 5.x share so
 * one build runs on each version's class path. Styles: {@code client:handler} reads the response
 * chunk by chunk as the handler gets it, {@code client:body} all at once with {@code body()},
 * {@code webclient} sends through the WebClient. The main thread waits; the event loop never does.
 */
public final class VertxProgram {

  private static final long TIMEOUT_SECONDS = 30;

  private final Vertx vertx = Vertx.vertx();
  /**
   * Every call starts on this one context, as a verticle's calls do. Started from the main thread,
   * each call would get a context of its own while a pooled connection answers on the first call's:
   * its response would then reach the handler a turn of the event loop late, and Vert.x 4.0 drops
   * the chunks that arrive before a handler is set.
   */
  private final Context context = vertx.getOrCreateContext();
  private final HttpClient client = httpClient(vertx);
  private final WebClient webClient = WebClient.create(vertx);

  public static void main(String[] args) throws Exception {
    VertxProgram program = new VertxProgram();
    try {
      PlanRunner.run(args, program::call);
    } finally {
      program.webClient.close();
      await(program.vertx.close());
    }
  }

  /** {@code createHttpClient()} returns an {@code HttpClient} in 4.x and an {@code HttpClientAgent} in 5.x. */
  private static HttpClient httpClient(Vertx vertx) {
    try {
      return (HttpClient) Vertx.class.getMethod("createHttpClient").invoke(vertx);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private CallReport call(PlannedCall planned) throws Exception {
    switch (planned.style()) {
      case "client:handler":
        return viaClient(planned, true);
      case "client:body":
        return viaClient(planned, false);
      case "webclient":
        return viaWebClient(planned);
      default:
        throw new IllegalArgumentException("unknown style " + planned.style());
    }
  }

  private CallReport viaClient(PlannedCall planned, boolean chunkByChunk) throws Exception {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.valueOf(planned.method()))
        .setAbsoluteURI(planned.uri().toString());
    CompletableFuture<CallReport> report = new CompletableFuture<>();
    context.runOnContext(start -> client.request(options)
        .compose(request -> send(request, planned))
        .onComplete(sent -> {
          if (sent.failed()) {
            report.completeExceptionally(sent.cause());
            return;
          }
          HttpClientResponse response = sent.result();
          if (chunkByChunk) {
            BodyDigest digest = new BodyDigest();
            response.exceptionHandler(report::completeExceptionally)
                .handler(chunk -> {
                  byte[] bytes = chunk.getBytes();
                  digest.update(bytes, 0, bytes.length);
                })
                .endHandler(end -> report.complete(report(planned, response.statusCode(), digest.hex())));
          } else {
            response.body().onComplete(body -> {
              if (body.failed()) {
                report.completeExceptionally(body.cause());
              } else {
                report.complete(report(planned, response.statusCode(), BodyDigest.of(body.result().getBytes())));
              }
            });
          }
        }));
    return report.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static Future<HttpClientResponse> send(HttpClientRequest request, PlannedCall planned) {
    planned.headers().forEach(request::putHeader);
    return planned.hasBody() ? request.send(Buffer.buffer(planned.body())) : request.send();
  }

  private CallReport viaWebClient(PlannedCall planned) throws Exception {
    HttpRequest<Buffer> request = webClient.requestAbs(HttpMethod.valueOf(planned.method()), planned.uri().toString());
    planned.headers().forEach(request::putHeader);
    io.vertx.ext.web.client.HttpResponse<Buffer> response =
        await(planned.hasBody() ? request.sendBuffer(Buffer.buffer(planned.body())) : request.send());
    Buffer body = response.bodyAsBuffer();
    return report(planned, response.statusCode(), BodyDigest.of(body == null ? new byte[0] : body.getBytes()));
  }

  private static CallReport report(PlannedCall planned, int status, String responseSha256) {
    return CallReport.completed(planned.id(), status, responseSha256, PlanRunner.requestSha256(planned));
  }

  private static <T> T await(Future<T> future) throws Exception {
    CompletableFuture<T> done = new CompletableFuture<>();
    future.onComplete(result -> {
      if (result.succeeded()) {
        done.complete(result.result());
      } else {
        done.completeExceptionally(result.cause());
      }
    });
    return done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
