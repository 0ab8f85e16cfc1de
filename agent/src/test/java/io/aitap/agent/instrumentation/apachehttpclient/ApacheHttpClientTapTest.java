package io.aitap.agent.instrumentation.apachehttpclient;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallEnd;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.call.RecordingSink;
import io.aitap.agent.protocol.AiEndpoint;
import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

class ApacheHttpClientTapTest {

  private final ApacheHttpClientTap tap =
      new ApacheHttpClientTap(
          (uri, headers) ->
              new AiCall(new AiEndpoint("openai", new RecordingProtocol(), uri.getHost(), uri.getPort(), null),
                  new RecordingSink()));
  private final HttpHost target = new HttpHost("http", "127.0.0.1", 8080);

  @Test
  void theSameRequestHandedToANestedClientIsOneExchange() throws Exception {
    HttpPost request = new HttpPost("http://127.0.0.1:8080/v1/chat/completions");
    AiCall outer = tap.enter(target, request);
    AiCall inner = tap.enter(target, request);
    tap.exit(inner, null, new IOException("refused"));
    tap.exit(outer, null, new IOException("refused"));

    assertNotNull(outer);
    assertNull(inner);
    assertSame(CallEnd.FAILED, outer.end());
  }

  @Test
  void aDifferentRequestInsideAnExchangeIsAnExchangeOfItsOwn() throws Exception {
    AiCall outer = tap.enter(target, new HttpPost("http://127.0.0.1:8080/v1/chat/completions"));
    AiCall inner = tap.enter(target, new HttpPost("http://127.0.0.1:8080/v1/embeddings"));
    tap.exit(inner, null, new IOException("refused"));
    AiCall afterwards = tap.enter(target, new HttpPost("http://127.0.0.1:8080/v1/embeddings"));
    tap.exit(afterwards, null, new IOException("refused"));
    tap.exit(outer, null, new IOException("refused"));

    assertNotNull(inner);
    assertNotNull(afterwards);
    assertSame(CallEnd.FAILED, inner.end());
  }
}
