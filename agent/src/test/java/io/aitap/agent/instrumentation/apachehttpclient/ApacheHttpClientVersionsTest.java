package io.aitap.agent.instrumentation.apachehttpclient;

import static io.aitap.agent.instrumentation.LibraryCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aitap.agent.instrumentation.ChildFirstLoader;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The oldest HttpClient 4.5 and the newest HttpClient 5 aitap claims, each in a child-first loader
 * of its own next to the versions on the test class path, driven through their public API.
 */
class ApacheHttpClientVersionsTest extends InstrumentedClientTest {

  @Test
  void httpClient450() throws Exception {
    try (ChildFirstLoader loader = new ChildFirstLoader("httpclient/4.5.0")) {
      Class<?> contentType = loader.loadClass("org.apache.http.entity.ContentType");
      Object entity =
          loader.loadClass("org.apache.http.entity.StringEntity")
              .getConstructor(String.class, contentType)
              .newInstance(REQUEST, contentType.getField("APPLICATION_JSON").get(null));
      Object post = loader.loadClass("org.apache.http.client.methods.HttpPost")
          .getConstructor(String.class).newInstance(server.url("/v1/chat/completions"));
      post.getClass().getMethod("setEntity", loader.loadClass("org.apache.http.HttpEntity")).invoke(post, entity);
      Object client = loader.loadClass("org.apache.http.impl.client.HttpClients").getMethod("createDefault").invoke(null);
      Object handler = loader.loadClass("org.apache.http.impl.client.BasicResponseHandler").getConstructor().newInstance();
      Object body =
          client.getClass()
              .getMethod("execute",
                  loader.loadClass("org.apache.http.client.methods.HttpUriRequest"),
                  loader.loadClass("org.apache.http.client.ResponseHandler"))
              .invoke(client, post, handler);
      ((Closeable) client).close();
      assertExchangeSeen((String) body);
    }
  }

  @Test
  void httpClient56() throws Exception {
    assertExchangeSeen(httpClient56Post("/v1/chat/completions"));
  }

  /**
   * HttpClient 5.6 undoes gzip but, unlike 5.1, leaves {@code Content-Encoding} and the compressed
   * {@code Content-Length} on the response, which describe bytes the application never reads.
   */
  @Test
  void httpClient56UndoingGzip() throws Exception {
    assertExchangeSeen(httpClient56Post("/v1/gzip"));
  }

  /** Posts with HttpClient 5.6 and reads the content stream a few bytes at a time, as a streaming reader does. */
  private String httpClient56Post(String path) throws Exception {
    try (ChildFirstLoader loader = new ChildFirstLoader("httpclient5/5.6")) {
      Class<?> contentType = loader.loadClass("org.apache.hc.core5.http.ContentType");
      Object entity =
          loader.loadClass("org.apache.hc.core5.http.io.entity.StringEntity")
              .getConstructor(String.class, contentType)
              .newInstance(REQUEST, contentType.getField("APPLICATION_JSON").get(null));
      Object post = loader.loadClass("org.apache.hc.client5.http.classic.methods.HttpPost")
          .getConstructor(String.class).newInstance(server.url(path));
      post.getClass().getMethod("setEntity", loader.loadClass("org.apache.hc.core5.http.HttpEntity")).invoke(post, entity);
      Object client =
          loader.loadClass("org.apache.hc.client5.http.impl.classic.HttpClients").getMethod("createDefault").invoke(null);
      Object response =
          loader.loadClass("org.apache.hc.client5.http.impl.classic.CloseableHttpClient")
              .getMethod("execute", loader.loadClass("org.apache.hc.core5.http.ClassicHttpRequest"))
              .invoke(client, post);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      try (InputStream content = (InputStream) call(call(response, "getEntity"), "getContent")) {
        byte[] piece = new byte[5];
        for (int n; (n = content.read(piece)) > 0; ) {
          body.write(piece, 0, n);
        }
      }
      ((Closeable) response).close();
      ((Closeable) client).close();
      return body.toString(StandardCharsets.UTF_8);
    }
  }

}
