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
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheHttpClient4InstrumentationTest {

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
  void gzipTheClientUndidIsSeenDecompressed() throws Exception {
    String body = client.execute(post("/v1/gzip"), response -> EntityUtils.toString(response.getEntity()));
    assertEquals(FakeAiServer.JSON, body);
    assertEquals(FakeAiServer.JSON, onlyCall().protocol.responseBytes.toString(StandardCharsets.UTF_8));
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
    client.execute(post("/health"), response -> EntityUtils.toString(response.getEntity()));
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }

  private static Recorded onlyCall() {
    assertEquals(1, InstrumentedJvm.calls().size(), "AI calls recorded");
    return InstrumentedJvm.calls().get(0);
  }
}
