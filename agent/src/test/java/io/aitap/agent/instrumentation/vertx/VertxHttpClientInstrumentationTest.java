package io.aitap.agent.instrumentation.vertx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.ChildFirstLoader;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Vert.x 4.5's HTTP client on its event loop, and Vert.x 3.9 (out of range) in a loader of its
 * own: the exchange is one call, seen as the application's handlers get it.
 */
class VertxHttpClientInstrumentationTest extends InstrumentedClientTest {

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private Future<HttpClientResponse> post(String path) {
    return client.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(server.url(path)))
        .compose(request -> request.putHeader("Content-Type", "application/json").send(REQUEST));
  }

  @Test
  void aRequestAndItsBodyAreSeenAsTheyPass() throws Exception {
    Buffer body = post("/v1/chat/completions").compose(HttpClientResponse::body)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertExchangeSeen(body.toString());
    assertEquals("application/json", onlyCall().call.head().header("Content-Type"));
  }

  @Test
  void aStreamReachesTheHandlerWhileTheCallSeesIt() throws Exception {
    StringBuilder received = new StringBuilder();
    CompletableFuture<Void> firstChunk = new CompletableFuture<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    post("/v1/stream").onSuccess(response -> response
        .handler(chunk -> {
          synchronized (received) {
            received.append(chunk);
          }
          firstChunk.complete(null);
        })
        .endHandler(end -> ended.complete(null)));
    firstChunk.get(30, TimeUnit.SECONDS);
    synchronized (received) {
      assertEquals(received.toString(), responseSeen(onlyCall()));
    }
    assertFalse(onlyCall().call.isEnded());
    server.releaseStream();
    ended.get(30, TimeUnit.SECONDS);
    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, received.toString());
    assertEquals(received.toString(), responseSeen(onlyCall()));
    assertEquals(REQUEST, requestSeen(onlyCall()));
    assertSame(CallEnd.COMPLETED, endOf(onlyCall()));
  }

  @Test
  void otherTrafficIsLeftAlone() throws Exception {
    Buffer body = post("/health").compose(HttpClientResponse::body)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(FakeAiServer.JSON, body.toString());
    assertTrue(InstrumentedJvm.calls().isEmpty());
    assertCheckedWithoutUri("/health");
  }

  @Test
  void otherTrafficWrittenInPiecesIsCheckedOnce() throws Exception {
    Buffer body = client.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(server.url("/health")))
        .compose(request -> {
          request.setChunked(true).putHeader("Content-Type", "application/json");
          request.write("{\"model\":");
          request.write("\"m\"");
          request.end("}");
          return request.response();
        })
        .compose(HttpClientResponse::body)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(FakeAiServer.JSON, body.toString());
    assertEquals("{\"model\":\"m\"}", server.lastRequestBody());
    assertTrue(InstrumentedJvm.calls().isEmpty());
    assertEquals(1, InstrumentedJvm.checkedUrls().size(), "checked at its first piece only");
  }

  /** Vert.x 3's client, callbacks only, driven through its public API by reflection. */
  @Test
  void vertx3IsLeftAloneAndWorksAsBefore() throws Exception {
    try (ChildFirstLoader loader = new ChildFirstLoader("vertx/3.9")) {
      Class<?> vertxType = loader.loadClass("io.vertx.core.Vertx");
      Class<?> handler = loader.loadClass("io.vertx.core.Handler");
      Object vertx3 = vertxType.getMethod("vertx").invoke(null);
      try {
        Object client3 = vertxType.getMethod("createHttpClient").invoke(vertx3);
        CompletableFuture<String> body = new CompletableFuture<>();
        Object bodyHandler = handler(handler, buffer -> body.complete(buffer.toString()));
        Object responseHandler = handler(handler, response -> {
          try {
            response.getClass().getMethod("bodyHandler", handler).invoke(response, bodyHandler);
          } catch (ReflectiveOperationException e) {
            body.completeExceptionally(e);
          }
        });
        Object request = client3.getClass().getMethod("postAbs", String.class, handler)
            .invoke(client3, server.url("/v1/chat/completions"), responseHandler);
        request.getClass().getMethod("end", String.class).invoke(request, REQUEST);
        assertEquals(FakeAiServer.JSON, body.get(30, TimeUnit.SECONDS));
        assertEquals(REQUEST, server.lastRequestBody());
        assertTrue(InstrumentedJvm.calls().isEmpty());
      } finally {
        vertxType.getMethod("close").invoke(vertx3);
      }
    }
  }

  private static Object handler(Class<?> type, java.util.function.Consumer<Object> body) {
    InvocationHandler invocation = (proxy, method, args) -> {
      if (method.getName().equals("handle")) {
        body.accept(args[0]);
        return null;
      }
      return objectMethod(proxy, method, args);
    };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation);
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return "handler";
    }
  }
}
