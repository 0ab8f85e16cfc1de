package io.aitap.agent.instrumentation.apachehttpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;

class ApacheHttpClient5InstrumentationTest extends InstrumentedClientTest {

  private final CloseableHttpClient client = HttpClients.createDefault();

  @AfterEach
  void closeClient() throws IOException {
    client.close();
  }

  private HttpPost post(String path) {
    HttpPost post = new HttpPost(server.url(path));
    post.setEntity(new StringEntity(REQUEST, ContentType.APPLICATION_JSON));
    return post;
  }

  @Test
  void aResponseHandlerReadsTheBodyUnchangedAndTheCallSeesTheSameBytes() throws Exception {
    assertExchangeSeen(
        client.execute(post("/v1/chat/completions"), response -> EntityUtils.toString(response.getEntity())));
    assertEquals(server.url("/v1/chat/completions"), onlyCall().uri);
    assertEquals(200, onlyCall().call.status());
  }

  @Test
  void theStreamStaysLiveWhileTheApplicationReadsIt() throws Exception {
    try (CloseableHttpResponse response = client.execute(post("/v1/stream"))) {
      readStreamAsItArrives(response.getEntity().getContent());
    }
  }

  @Test
  void writeToIsSeenToo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CloseableHttpResponse response = client.execute(post("/v1/embeddings"))) {
      response.getEntity().writeTo(out);
    }
    assertExchangeSeen(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void closingTheResponseUnreadEndsTheCallAsAbandoned() throws Exception {
    CloseableHttpResponse response = client.execute(post("/v1/stream"));
    server.releaseStream(); // HttpClient 5 drains the rest on close, to reuse the connection
    response.close();
    assertSame(CallEnd.ABANDONED, onlyCall().call.end());
  }

  /** A stream cannot be read twice: the call sees it as the client sends it, and the request keeps its entity. */
  @Test
  void aStreamedRequestEntityIsSeenAsTheClientSendsIt() throws Exception {
    HttpPost post = new HttpPost(server.url("/v1/chat/completions"));
    byte[] request = REQUEST.getBytes(StandardCharsets.UTF_8);
    InputStreamEntity entity = new InputStreamEntity(new ByteArrayInputStream(request), ContentType.APPLICATION_JSON);
    post.setEntity(entity);
    client.execute(post, response -> EntityUtils.toString(response.getEntity()));

    assertEquals(REQUEST, server.lastRequestBody());
    assertEquals(REQUEST, requestSeen(onlyCall()));
    assertSame(entity, post.getEntity());
  }

  @Test
  void aStreamedRequestEntityThatIsNotJsonIsLeftAlone() throws Exception {
    HttpPost post = new HttpPost(server.url("/v1/chat/completions"));
    InputStreamEntity entity = new InputStreamEntity(
        new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)), ContentType.APPLICATION_OCTET_STREAM);
    post.setEntity(entity);
    client.execute(post, response -> EntityUtils.toString(response.getEntity()));

    assertEquals(REQUEST, server.lastRequestBody());
    assertEquals("", requestSeen(onlyCall()));
    assertSame(entity, post.getEntity());
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
  void aRateLimitedCallTheClientRetriesIsSeenAsTheApplicationSeesIt() throws Exception {
    assertEquals(FakeAiServer.JSON,
        client.execute(post("/v1/limited-once"), response -> EntityUtils.toString(response.getEntity())));
    assertExchangeSeen(FakeAiServer.JSON);
    assertEquals(200, onlyCall().call.status());
  }

  @Test
  void otherTrafficIsNotTouched() throws Exception {
    try (CloseableHttpResponse response = client.execute(post("/health"))) {
      assertFalse(Proxy.isProxyClass(response.getEntity().getClass()));
      EntityUtils.consume(response.getEntity());
    }
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }
}
