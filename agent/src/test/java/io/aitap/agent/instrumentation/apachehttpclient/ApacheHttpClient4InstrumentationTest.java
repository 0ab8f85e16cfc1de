package io.aitap.agent.instrumentation.apachehttpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApacheHttpClient4InstrumentationTest extends InstrumentedClientTest {

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
  }

  @Test
  void theStreamStaysLiveWhileTheApplicationReadsIt() throws Exception {
    try (CloseableHttpResponse response = client.execute(post("/v1/stream"))) {
      readStreamAsItArrives(response.getEntity().getContent());
    }
  }

  /** A stream cannot be read twice: the call sees it as the client sends it, and the request keeps its entity. */
  @Test
  void aStreamedRequestEntityIsSeenAsTheClientSendsIt() throws Exception {
    HttpPost post = new HttpPost(server.url("/v1/chat/completions"));
    InputStreamEntity entity = new InputStreamEntity(
        new ByteArrayInputStream(REQUEST.getBytes(StandardCharsets.UTF_8)), ContentType.APPLICATION_JSON);
    post.setEntity(entity);
    client.execute(post, response -> EntityUtils.toString(response.getEntity()));

    assertEquals(REQUEST, server.lastRequestBody());
    assertEquals(REQUEST, requestSeen(onlyCall()));
    assertSame(entity, post.getEntity());
  }

  @Test
  void closingTheResponseUnreadEndsTheCallAsAbandoned() throws Exception {
    CloseableHttpResponse response = client.execute(post("/v1/stream"));
    response.close(); // releases the connection, never touching the entity
    assertSame(CallEnd.ABANDONED, onlyCall().call.end());
  }

  @Test
  void gzipTheClientUndidIsSeenDecompressed() throws Exception {
    assertExchangeSeen(client.execute(post("/v1/gzip"), response -> EntityUtils.toString(response.getEntity())));
  }

  @Test
  void aRequestWithoutEntityAndAnErrorStatus() throws Exception {
    int status;
    try (CloseableHttpResponse response = client.execute(new HttpGet(server.url("/v1/limited")))) {
      status = response.getStatusLine().getStatusCode();
      EntityUtils.consume(response.getEntity());
    }
    assertEquals(429, status);
    assertEquals(429, onlyCall().call.status());
  }

  @Test
  void otherTrafficIsNotTouched() throws Exception {
    String body = client.execute(post("/health"), response -> EntityUtils.toString(response.getEntity()));
    assertEquals(FakeAiServer.JSON, body);
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }
}
