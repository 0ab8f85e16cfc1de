package io.aitap.agent.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestUrlTest {

  /** The parts are the ones java.net.URI gives for the same string. */
  @ParameterizedTest
  @ValueSource(strings = {
      "https://api.openai.com/v1/chat/completions",
      "https://API.OpenAI.com:443/v1/chat/completions?api-version=2024-10-21#top",
      "http://127.0.0.1:11434/api/chat",
      "http://localhost:8080",
      "http://localhost:8080?x=1",
      "http://localhost/#frag",
      "http://user:secret@gateway.internal:8443/openai/v1/responses",
      "http://[::1]:8080/v1/chat/completions",
      "http://[2001:db8::1]/v1/embeddings",
      "https://example.com/models/gemini-2.0-flash%3AgenerateContent?alt=sse",
      "https://example.com/a:b/c@d",
      "HTTPS://Example.com/v1/messages",
      "ws://localhost:8080/v1/realtime",
      "http://host:/v1/chat/completions",
  })
  void partsAreTheOnesAUriGives(String url) {
    URI uri = URI.create(url);
    RequestUrl parts = RequestUrl.parse(url);

    assertNotNull(parts, url);
    assertEquals(uri.getScheme().toLowerCase(Locale.ROOT), parts.scheme.toLowerCase(Locale.ROOT), url);
    assertEquals(uri.getHost(), parts.host, url);
    assertEquals(uri.getPort(), parts.port, url);
    assertEquals(uri.getRawPath(), parts.rawPath, url);
  }

  /** Where a URI has no host, there is nothing to check. */
  @ParameterizedTest
  @ValueSource(strings = {"", "/v1/chat/completions", "mailto:someone@example.com", "http:///v1/chat",
      "http://host:port/v1/chat", "http://[::1/v1/chat", "http://[::1]x/v1", "://host/path"})
  void notAnAbsoluteUrlWithAHostIsNone(String url) {
    assertNull(RequestUrl.parse(url), url);
  }

  @Test
  void noUrlIsNone() {
    assertNull(RequestUrl.parse(null));
  }
}
