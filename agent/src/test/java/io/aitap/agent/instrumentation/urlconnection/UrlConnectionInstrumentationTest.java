package io.aitap.agent.instrumentation.urlconnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.FakeAiServer;
import io.aitap.agent.instrumentation.InstrumentedClientTest;
import io.aitap.agent.instrumentation.InstrumentedJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlConnectionInstrumentationTest extends InstrumentedClientTest {

  private static HttpURLConnection post(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = connection.getOutputStream()) {
      out.write(REQUEST.getBytes(StandardCharsets.UTF_8));
    }
    return connection;
  }

  private static String read(InputStream stream) throws IOException {
    try (InputStream body = stream) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theApplicationReadsTheBodyUnchangedAndTheCallSeesTheSameBytes() throws IOException {
    HttpURLConnection connection = post(server.url("/v1/chat/completions"));
    assertEquals(200, connection.getResponseCode());
    assertExchangeSeen(read(connection.getInputStream()));
    assertEquals(200, onlyCall().call.status());
  }

  @Test
  void theStreamStaysLiveWhileTheApplicationReadsIt() throws IOException {
    try (InputStream body = post(server.url("/v1/stream")).getInputStream()) {
      readStreamAsItArrives(body);
    }
  }

  @Test
  void anErrorResponseIsSeenThroughTheErrorStream() throws IOException {
    HttpURLConnection connection = post(server.url("/v1/limited"));
    assertThrows(IOException.class, connection::getInputStream);
    String body = read(connection.getErrorStream());
    assertEquals(429, onlyCall().call.status());
    assertEquals(body, responseSeen(onlyCall()));
    assertSame(CallEnd.COMPLETED, onlyCall().call.end());
  }

  @Test
  void aConnectionFailureReachesTheApplicationUnchangedAndFailsTheCall() {
    assertThrows(ConnectException.class, () -> post("http://127.0.0.1:1/v1/chat/completions"));
    assertSame(CallEnd.FAILED, onlyCall().call.end());
  }

  @Test
  void otherTrafficIsNotTouched() throws IOException {
    HttpURLConnection connection = post(server.url("/health"));
    assertEquals(FakeAiServer.JSON, read(connection.getInputStream()));
    assertTrue(InstrumentedJvm.calls().isEmpty());
  }
}
