package io.aitap.agent.instrumentation.reactornetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import io.aitap.agent.instrumentation.InstrumentedJvm.Recorded;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/** Reactor Netty 1.3 with the real hooks woven in: each request on the wire is one call, seen as it passes. */
class ReactorNettyInstrumentationTest extends InstrumentedClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String END = "<end>";

  private final HttpClient client = HttpClient.create()
      .resolver(DefaultAddressResolverGroup.INSTANCE)
      .headers(headers -> headers.set("Content-Type", "application/json"));

  @Test
  void aBodySentAsOneMonoAndAnAggregatedResponseAreSeen() {
    assertExchangeSeen(post(client, "/v1/chat/completions"));
    assertEquals(200, onlyCall().call.status());
  }

  @Test
  void aBodyStreamedInChunksIsSeenAsEncoded() {
    String body = client.post().uri(server.url("/v1/embeddings"))
        .send(ByteBufFlux.fromString(Mono.just(REQUEST.substring(0, 9)).concatWith(Mono.just(REQUEST.substring(9)))))
        .responseSingle((head, content) -> content.asString())
        .block(TIMEOUT);
    assertExchangeSeen(body);
  }

  @Test
  void aStreamIsSeenChunkByChunkAsTheApplicationGetsIt() throws Exception {
    BlockingQueue<String> chunks = new LinkedBlockingQueue<>();
    client.post().uri(server.url("/v1/stream"))
        .send((request, out) -> out.sendString(Mono.just(REQUEST)))
        .response((head, content) -> content.asString())
        .subscribe(chunks::add, error -> chunks.add("error " + error), () -> chunks.add(END));

    assertEquals(FakeAiServer.FIRST_EVENT, chunks.poll(30, TimeUnit.SECONDS));
    assertEquals(FakeAiServer.FIRST_EVENT, responseSeen(onlyCall()));
    assertFalse(onlyCall().call.isEnded());
    server.releaseStream();

    StringBuilder rest = new StringBuilder();
    for (String chunk = chunks.poll(30, TimeUnit.SECONDS); !END.equals(chunk); chunk = chunks.poll(30, TimeUnit.SECONDS)) {
      rest.append(chunk);
    }
    assertEquals(FakeAiServer.REST_OF_STREAM, rest.toString());
    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, responseSeen(onlyCall()));
    assertEquals(REQUEST, requestSeen(onlyCall()));
    assertSame(CallEnd.COMPLETED, onlyCall().call.end());
  }

  @Test
  void disposingAStreamAbandonsTheCallWithWhatWasSeen() throws Exception {
    BlockingQueue<String> chunks = new LinkedBlockingQueue<>();
    Disposable subscription = client.post().uri(server.url("/v1/stream"))
        .send((request, out) -> out.sendString(Mono.just(REQUEST)))
        .response((head, content) -> content.asString())
        .subscribe(chunks::add);
    assertEquals(FakeAiServer.FIRST_EVENT, chunks.poll(30, TimeUnit.SECONDS));

    subscription.dispose();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!onlyCall().call.isEnded() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertSame(CallEnd.ABANDONED, onlyCall().call.end());
    assertEquals(FakeAiServer.FIRST_EVENT, responseSeen(onlyCall()));
  }

  @Test
  void aStreamThatTimesOutMidwayFailsTheCallWithTheApplicationsError() throws Exception {
    BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    client.responseTimeout(Duration.ofMillis(300)).post().uri(server.url("/v1/stream"))
        .send((request, out) -> out.sendString(Mono.just(REQUEST)))
        .response((head, content) -> content.asString())
        .subscribe(signals::add, signals::add);

    assertEquals(FakeAiServer.FIRST_EVENT, signals.poll(30, TimeUnit.SECONDS));
    Object error = signals.poll(30, TimeUnit.SECONDS);
    assertTrue(error instanceof Throwable, String.valueOf(error));
    assertSame(CallEnd.FAILED, onlyCall().call.end());
    assertSame(error, onlyCall().call.failure());
    assertEquals(FakeAiServer.FIRST_EVENT, responseSeen(onlyCall()));
  }

  @Test
  void aRedirectReactorNettyFollowsIsDroppedAndTheFollowingRequestIsTheCall() {
    assertEquals(FakeAiServer.JSON, post(client.followRedirect(true), "/v1/redirect"));

    assertEquals(2, InstrumentedJvm.calls().size(), "calls started");
    Recorded redirect = InstrumentedJvm.calls().get(0);
    assertEquals(307, redirect.call.status());
    assertTrue(redirect.call.isEnded());
    assertNull(redirect.call.end(), "the redirect is never reported");
    Recorded followed = InstrumentedJvm.calls().get(1);
    assertTrue(followed.uri.endsWith("/v1/chat"), followed.uri);
    assertEquals(REQUEST, requestSeen(followed));
    assertEquals(FakeAiServer.JSON, responseSeen(followed));
    assertSame(CallEnd.COMPLETED, followed.call.end());
  }

  @Test
  void anErrorAnswerIsReadToItsEnd() {
    String body = post(client, "/v1/limited");
    assertEquals(body, responseSeen(onlyCall()));
    assertEquals(429, onlyCall().call.status());
    assertSame(CallEnd.COMPLETED, onlyCall().call.end());
  }

  @Test
  void otherTrafficIsNotTouched() {
    assertEquals(FakeAiServer.JSON, post(client, "/health"));
    assertTrue(InstrumentedJvm.calls().isEmpty());
    assertCheckedWithoutUri("/health");
  }

  /** Posts {@link #REQUEST} as one Mono and returns the whole answer. */
  private String post(HttpClient through, String path) {
    return through.post().uri(server.url(path))
        .send((request, out) -> out.sendString(Mono.just(REQUEST)))
        .responseSingle((head, content) -> content.asString())
        .block(TIMEOUT);
  }
}
