package io.aitap.agent.instrumentation.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OkHttpInstrumentationTest extends InstrumentedClientTest {

  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client = new OkHttpClient();

  @AfterEach
  void closeClient() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Request post(String path) {
    return new Request.Builder().url(server.url(path)).post(RequestBody.create(REQUEST, JSON)).build();
  }

  @Test
  void executeHandsTheApplicationTheBodyUnchangedAndTheCallSeesTheSameBytes() throws IOException {
    try (Response response = client.newCall(post("/v1/chat/completions")).execute()) {
      assertEquals("application/json", response.header("Content-Type"));
      assertExchangeSeen(response.body().string());
    }
    assertEquals(200, onlyCall().call.status());
  }

  /**
   * A tracing network interceptor (the OpenTelemetry Java agent's) sets {@code traceparent} after
   * the application built its request: the call joins the context the request went out with.
   */
  @Test
  void theCallTakesTheTraceContextTheRequestCarriesOnTheWire() throws IOException {
    String applications = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    String onTheWire = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    OkHttpClient traced = client.newBuilder()
        .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("traceparent", onTheWire).build()))
        .build();
    Request request = post("/v1/chat/completions").newBuilder().header("traceparent", applications).build();
    try (Response response = traced.newCall(request).execute()) {
      assertExchangeSeen(response.body().string());
    }
    assertEquals(onTheWire, onlyCall().call.traceparent());
  }

  /**
   * Baggage a network interceptor (the OpenTelemetry Java agent's) adds after the application built
   * its request is the call's attribution, as it is for its trace context.
   */
  @Test
  void theCallTakesTheBaggageTheRequestCarriesOnTheWire() throws IOException {
    OkHttpClient traced = client.newBuilder()
        .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("baggage", "team=payments").build()))
        .build();
    Request request = post("/v1/chat/completions").newBuilder().header("baggage", "team=search").build();
    try (Response response = traced.newCall(request).execute()) {
      assertExchangeSeen(response.body().string());
    }
    assertEquals(Map.of("team", "payments"), onlyCall().call.attribution().values());
  }

  /** A call made inside an AI call's interceptor, on the same thread, is no part of it. */
  @Test
  void aCallInsideAnInterceptorLeavesTheOuterCallsContextAlone() throws IOException {
    String outer = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    String inner = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    OkHttpClient traced = client.newBuilder()
        .addInterceptor(chain -> {
          Request token = new Request.Builder().url(server.url("/token")).header("traceparent", inner).build();
          try (Response ignored = client.newCall(token).execute()) {
            return chain.proceed(chain.request());
          }
        })
        .build();
    Request request = post("/v1/chat/completions").newBuilder().header("traceparent", outer).build();
    try (Response response = traced.newCall(request).execute()) {
      assertExchangeSeen(response.body().string());
    }
    assertEquals(outer, onlyCall().call.traceparent());
  }

  @Test
  void enqueueIsTappedOnTheDispatcherThread() throws Exception {
    CompletableFuture<String> body = new CompletableFuture<>();
    client.newCall(post("/v1/chat/completions")).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        body.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call call, Response response) throws IOException {
        try (Response r = response) {
          body.complete(r.body().string());
        }
      }
    });

    assertExchangeSeen(body.get(30, TimeUnit.SECONDS));
  }

  @Test
  void theStreamStaysLiveThroughTheSource() throws IOException {
    try (Response response = client.newCall(post("/v1/stream")).execute()) {
      BufferedSource source = response.body().source();
      assertEquals("data: {\"n\":1}", source.readUtf8LineStrict());
      // the server holds the rest back: the call has seen the first event while the stream is open
      assertEquals(FakeAiServer.FIRST_EVENT, responseSeen(onlyCall()));
      assertFalse(onlyCall().call.isEnded());
      server.releaseStream();
      assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, "data: {\"n\":1}\n" + source.readUtf8());
    }
    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, responseSeen(onlyCall()));
    assertSame(CallEnd.COMPLETED, onlyCall().call.end());
  }

  @Test
  void theStreamStaysLiveThroughTheByteStream() throws IOException {
    try (Response response = client.newCall(post("/v1/stream")).execute()) {
      readStreamAsItArrives(response.body().byteStream());
    }
  }

  @Test
  void gzipOkHttpUndidIsSeenDecompressed() throws IOException {
    try (Response response = client.newCall(post("/v1/gzip")).execute()) {
      assertExchangeSeen(response.body().string());
    }
  }

  @Test
  void aRedirectFollowedInsideOneCallIsOneExchange() throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/v1/redirect")).build()).execute()) {
      assertEquals(FakeAiServer.JSON, response.body().string());
    }
    assertEquals(200, onlyCall().call.status());
    assertSame(CallEnd.COMPLETED, onlyCall().call.end());
  }

  @Test
  void closingTheBodyEarlyEndsTheCallAsAbandoned() throws IOException {
    Response response = client.newCall(post("/v1/stream")).execute();
    assertEquals('d', response.body().byteStream().read());
    response.close();

    assertSame(CallEnd.ABANDONED, onlyCall().call.end());
  }

  @Test
  void anErrorStatusKeepsItsBody() throws IOException {
    try (Response response = client.newCall(post("/v1/limited")).execute()) {
      assertEquals(429, response.code());
      assertTrue(response.body().string().contains("rate_limit"));
    }
    assertEquals(429, onlyCall().call.status());
    assertTrue(responseSeen(onlyCall()).contains("rate_limit"));
  }

  @Test
  void aConnectionFailureEndsTheCallAsFailed() {
    Request request = new Request.Builder().url("http://127.0.0.1:1/v1/chat/completions").build();
    try {
      client.newCall(request).execute().close();
    } catch (IOException expected) {
      // the application sees OkHttp's own exception
    }
    assertSame(CallEnd.FAILED, onlyCall().call.end());
  }

  @Test
  void otherTrafficIsNotTouched() throws IOException {
    try (Response response = client.newCall(post("/health")).execute()) {
      assertEquals(FakeAiServer.JSON, response.body().string());
      assertEquals("okhttp3.internal.http.RealResponseBody", response.body().getClass().getName());
    }
    assertTrue(InstrumentedJvm.calls().isEmpty());
    assertCheckedWithoutUri("/health");
  }
}
