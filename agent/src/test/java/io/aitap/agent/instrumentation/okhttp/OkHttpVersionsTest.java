package io.aitap.agent.instrumentation.okhttp;

import static io.aitap.agent.instrumentation.LibraryCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.ChildFirstLoader;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import io.aitap.agent.instrumentation.InstrumentedJvm.Recorded;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each OkHttp version in a child-first loader of its own, side by side in one JVM with the OkHttp 5
 * of the test class path: the woven hooks, the per-loader API and the tapped body work in each.
 */
class OkHttpVersionsTest extends InstrumentedClientTest {

  @ParameterizedTest
  @MethodSource("everyVersion")
  void eachVersionInItsOwnLoaderIsTapped(String version) throws Exception {
    try (ChildFirstLoader loader = new ChildFirstLoader(version)) {
      assertExchangeSeen(post(loader, "/v1/chat/completions"));
    }
  }

  static List<String> everyVersion() {
    return ChildFirstLoader.versionsOf("okhttp");
  }

  @Test
  void twoVersionsInTwoLoadersAtOnce() throws Exception {
    List<String> bodies = new ArrayList<>();
    try (ChildFirstLoader three = new ChildFirstLoader("okhttp/3.14");
        ChildFirstLoader four = new ChildFirstLoader("okhttp/4")) {
      assertNotSame(three.loadClass("okhttp3.OkHttpClient"), four.loadClass("okhttp3.OkHttpClient"));
      bodies.add(post(three, "/v1/chat/completions"));
      bodies.add(post(four, "/v1/embeddings"));
      bodies.add(post(three, "/v1/responses"));
    }
    assertEquals(List.of(FakeAiServer.JSON, FakeAiServer.JSON, FakeAiServer.JSON), bodies);
    assertEquals(3, InstrumentedJvm.calls().size());
    for (Recorded recorded : InstrumentedJvm.calls()) {
      assertEquals(FakeAiServer.JSON, responseSeen(recorded));
      assertSame(CallEnd.COMPLETED, recorded.call.end());
    }
  }

  /** OkHttp before 3.4 builds its chain differently; it is left alone and works as it did. */
  @Test
  void anOlderVersionIsSkippedQuietly() throws Exception {
    try (ChildFirstLoader loader = new ChildFirstLoader("okhttp-below-range/3.3")) {
      assertEquals(FakeAiServer.JSON, post(loader, "/v1/chat/completions"));
    }
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }

  @Test
  void somethingThatIsNotOkHttpIsNotACall() throws Exception {
    assertNull(new OkHttpTap((uri, headers) -> null).start(new Object()));
  }

  /** Posts JSON with the OkHttp of {@code loader}, through its public API only, and returns the body text. */
  private String post(ClassLoader loader, String path) throws Exception {
    Object client = loader.loadClass("okhttp3.OkHttpClient").getConstructor().newInstance();
    Object json = loader.loadClass("okhttp3.MediaType").getMethod("parse", String.class).invoke(null, "application/json");
    Class<?> requestBody = loader.loadClass("okhttp3.RequestBody");
    Object body = requestBody.getMethod("create", json.getClass(), String.class).invoke(null, json, REQUEST);
    Object builder = loader.loadClass("okhttp3.Request$Builder").getConstructor().newInstance();
    builder.getClass().getMethod("url", String.class).invoke(builder, server.url(path));
    call(builder, "post", body);
    Object response = call(call(client, "newCall", call(builder, "build")), "execute");
    try {
      return (String) call(call(response, "body"), "string");
    } finally {
      call(response, "close");
      call(call(client, "dispatcher"), "cancelAll");
      call(call(client, "connectionPool"), "evictAll");
    }
  }
}
