package io.aitap.agent.instrumentation.apachehttpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import io.aitap.agent.instrumentation.InstrumentedJvm.Recorded;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheHttpClient5InstrumentationTest {

  private static final String REQUEST = "{\"model\":\"gpt-4o-mini\"}";

  private final CloseableHttpClient client = HttpClients.createDefault();
  private FakeAiServer server;

  @BeforeEach
  void start() throws IOException {
    InstrumentedJvm.install();
    InstrumentedJvm.reset();
    server = new FakeAiServer();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  private HttpPost post(String path) {
    HttpPost post = new HttpPost(server.url(path));
    post.setEntity(new StringEntity(REQUEST, ContentType.APPLICATION_JSON));
    return post;
  }

  @Test
  void aResponseHandlerReadsTheBodyUnchangedAndTheCallSeesTheSameBytes() throws Exception {
    String body = client.execute(post("/v1/chat/completions"), response -> EntityUtils.toString(response.getEntity()));

    assertEquals(FakeAiServer.JSON, body);
    assertEquals(REQUEST, server.lastRequestBody());
    Recorded recorded = onlyCall();
    assertEquals(server.url("/v1/chat/completions"), recorded.uri);
    assertEquals(REQUEST, recorded.protocol.requestBytes.toString(StandardCharsets.UTF_8));
    assertEquals(FakeAiServer.JSON, recorded.protocol.responseBytes.toString(StandardCharsets.UTF_8));
    assertSame(CallEnd.COMPLETED, recorded.call.end());
    assertEquals(200, recorded.call.status());
  }

  @Test
  void theStreamStaysLiveWhileTheApplicationReadsIt() throws Exception {
    try (CloseableHttpResponse response = client.execute(post("/v1/stream"))) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8), 1);
      assertEquals("data: {\"n\":1}", reader.readLine());
      assertTrue(onlyCall().protocol.responseBytes.toString(StandardCharsets.UTF_8).startsWith("data: {\"n\":1}\n"));
      assertFalse(onlyCall().call.isEnded());
      server.releaseStream();
      while (reader.readLine() != null) {
        // read to the end, as an SSE client would
      }
    }
    assertEquals(
        FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM,
        onlyCall().protocol.responseBytes.toString(StandardCharsets.UTF_8));
    assertSame(CallEnd.COMPLETED, onlyCall().call.end());
  }

  @Test
  void writeToIsSeenToo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CloseableHttpResponse response = client.execute(post("/v1/embeddings"))) {
      response.getEntity().writeTo(out);
    }
    assertEquals(FakeAiServer.JSON, out.toString(StandardCharsets.UTF_8));
    assertEquals(FakeAiServer.JSON, onlyCall().protocol.responseBytes.toString(StandardCharsets.UTF_8));
    assertSame(CallEnd.COMPLETED, onlyCall().call.end());
  }

  @Test
  void closingTheResponseUnreadEndsTheCallAsAbandoned() throws Exception {
    CloseableHttpResponse response = client.execute(post("/v1/stream"));
    server.releaseStream(); // HttpClient 5 drains the rest on close, to reuse the connection
    response.close();
    assertSame(CallEnd.ABANDONED, onlyCall().call.end());
  }

  @Test
  void aStreamedRequestEntityIsLeftAlone() throws Exception {
    HttpPost post = new HttpPost(server.url("/v1/chat/completions"));
    InputStream content = new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8));
    post.setEntity(new InputStreamEntity(content, ContentType.APPLICATION_JSON));
    client.execute(post, response -> EntityUtils.toString(response.getEntity()));

    assertEquals(REQUEST, server.lastRequestBody());
    assertEquals(0, onlyCall().protocol.requestBytes.size());
  }

  @Test
  void aConnectionFailureEndsTheCallAsFailed() {
    try {
      client.execute(new HttpPost("http://127.0.0.1:1/v1/chat/completions")).close();
    } catch (IOException expected) {
      // the application sees the client's own exception
    }
    assertSame(CallEnd.FAILED, onlyCall().call.end());
  }

  @Test
  void otherTrafficIsNotTouched() throws Exception {
    try (CloseableHttpResponse response = client.execute(post("/health"))) {
      assertFalse(Proxy.isProxyClass(response.getEntity().getClass()));
      EntityUtils.consume(response.getEntity());
    }
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }

  private static Recorded onlyCall() {
    assertEquals(1, InstrumentedJvm.calls().size(), "AI calls recorded");
    return InstrumentedJvm.calls().get(0);
  }
}
