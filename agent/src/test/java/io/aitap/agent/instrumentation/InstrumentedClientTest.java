package io.aitap.agent.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aitap.agent.call.CallEnd;
import io.aitap.agent.instrumentation.InstrumentedJvm.Recorded;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A client driven against {@link FakeAiServer} with the real hooks woven in. */
public abstract class InstrumentedClientTest {

  protected static final String REQUEST = "{\"model\":\"gpt-4o-mini\"}";

  protected FakeAiServer server;

  @BeforeEach
  void startServer() throws IOException {
    InstrumentedJvm.install();
    InstrumentedJvm.reset();
    server = new FakeAiServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  protected static Recorded onlyCall() {
    assertEquals(1, InstrumentedJvm.calls().size(), "AI calls recorded");
    return InstrumentedJvm.calls().get(0);
  }

  /** The endpoint check was asked about {@code path} with the URL string the library holds: no URI was built. */
  protected void assertCheckedWithoutUri(String path) {
    assertFalse(InstrumentedJvm.checkedUrls().isEmpty(), "the check was asked");
    for (String url : InstrumentedJvm.checkedUrls()) {
      assertEquals(server.url(path), url);
    }
    assertEquals(List.of(), InstrumentedJvm.checkedUris());
  }

  protected static String requestSeen(Recorded recorded) {
    return recorded.protocol.requestBytes.toString(StandardCharsets.UTF_8);
  }

  protected static String responseSeen(Recorded recorded) {
    return recorded.protocol.responseBytes.toString(StandardCharsets.UTF_8);
  }

  /** The request went out unchanged, the application read {@code body} unchanged, and the call saw both. */
  protected void assertExchangeSeen(String body) {
    assertEquals(FakeAiServer.JSON, body);
    assertEquals(REQUEST, server.lastRequestBody());
    Recorded recorded = onlyCall();
    assertEquals(REQUEST, requestSeen(recorded));
    assertEquals(FakeAiServer.JSON, responseSeen(recorded));
    assertSame(CallEnd.COMPLETED, endOf(recorded));
  }

  /**
   * How the call ended, waiting for it a while: a client that completes the body on a thread of
   * its own may end the call there just after the application has its answer.
   */
  protected static CallEnd endOf(Recorded recorded) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (recorded.call.end() == null && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return recorded.call.end();
  }

  /**
   * Reads the {@code /v1/stream} body line by line, as an SSE client does: the call must have seen
   * the first event while the server still holds the rest back, and everything by the end.
   */
  protected void readStreamAsItArrives(InputStream body) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1);
    assertEquals("data: {\"n\":1}", reader.readLine());
    assertEquals(FakeAiServer.FIRST_EVENT, responseSeen(onlyCall()).substring(0, FakeAiServer.FIRST_EVENT.length()));
    assertFalse(onlyCall().call.isEnded());
    server.releaseStream();
    while (reader.readLine() != null) {
      // to the end
    }
    assertEquals(FakeAiServer.FIRST_EVENT + FakeAiServer.REST_OF_STREAM, responseSeen(onlyCall()));
    assertSame(CallEnd.COMPLETED, endOf(onlyCall()));
  }
}
