package io.aitap.agent.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.RequestHeaders;
import io.aitap.agent.protocol.ResponseHead;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallFactoryTest {

  private final RecordingSink sink = new RecordingSink();
  private final CallFactory calls = new CallFactory(new EndpointClassifier(List.of(), true), sink);

  @Test
  void otherTrafficGetsNoCall() {
    assertNull(calls.start(URI.create("https://orders.internal/v1/orders"), RequestHeaders.NONE));
  }

  @Test
  void otherTrafficWhoseUrlTellsHasNoHeaderRead() {
    List<String> read = new ArrayList<>();
    RequestHeaders headers = name -> {
      read.add(name);
      return "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    };

    assertNull(calls.start(URI.create("https://orders.internal/orders/17"), headers));
    assertEquals(List.of(), read);
  }

  @Test
  void aUrlStringIsCheckedAsItsUriWouldBe() {
    String url = "https://api.openai.com:443/v1/chat/completions?x=1";
    AiCall byString = calls.start(url, RequestHeaders.NONE);
    AiCall byUri = calls.start(URI.create(url), RequestHeaders.NONE);

    assertEquals(byUri.endpoint().providerName(), byString.endpoint().providerName());
    assertEquals(byUri.endpoint().protocol(), byString.endpoint().protocol());
    assertEquals(byUri.endpoint().serverAddress(), byString.endpoint().serverAddress());
    assertEquals(byUri.endpoint().serverPort(), byString.endpoint().serverPort());
    assertNull(calls.start("https://orders.internal/v1/orders", RequestHeaders.NONE));
    assertNull(calls.start("not a url", RequestHeaders.NONE));
  }

  @Test
  void anAiCallTakesTheTraceparentItsRequestStartsWith() {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    AiCall call = calls.start(URI.create("https://api.openai.com/v1/chat/completions"),
        name -> name.equals("traceparent") ? traceparent : null);

    assertEquals(traceparent, call.traceparent());
  }

  @Test
  void callsStillOpenAtShutdownAreReportedAsAbandonedWithWhatWasSeen() {
    AiCall open = calls.start(URI.create("https://api.openai.com/v1/chat/completions"), RequestHeaders.NONE);
    open.responseHead(new ResponseHead(200, name -> null));
    AiCall done = calls.start(URI.create("https://api.openai.com/v1/chat/completions"), RequestHeaders.NONE);
    done.responseComplete();

    calls.abandonOpenCalls();

    assertEquals(List.of(done, open), sink.ended);
    assertSame(CallEnd.ABANDONED, open.end());
    assertEquals(200, open.status());
    assertSame(CallEnd.COMPLETED, done.end());
  }

  @Test
  void aDiscardedCallIsNeitherOpenNorReported() {
    AiCall redirect = calls.start(URI.create("https://api.openai.com/v1/chat/completions"), RequestHeaders.NONE);
    redirect.discarded();

    calls.abandonOpenCalls();

    assertEquals(List.of(), sink.ended);
  }
}
