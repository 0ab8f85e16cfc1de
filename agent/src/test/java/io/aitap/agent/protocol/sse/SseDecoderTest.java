package io.aitap.agent.protocol.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {

  private final List<String> events = new ArrayList<>();
  private final SseDecoder decoder =
      new SseDecoder(
          new SseDecoder.Listener() {
            private final ByteArrayOutputStream data = new ByteArrayOutputStream();
            private String name;

            @Override
            public void onEventName(String eventName) {
              name = eventName;
            }

            @Override
            public void onData(byte[] bytes, int offset, int length) {
              data.write(bytes, offset, length);
            }

            @Override
            public void onEventEnd() {
              events.add((name == null ? "" : name + "=") + data.toString(StandardCharsets.UTF_8));
              data.reset();
              name = null;
            }
          });

  private void feedEveryWay(String stream) {
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    decoder.feed(bytes, 0, bytes.length);
    decoder.end();
    List<String> whole = new ArrayList<>(events);
    for (int at = 1; at < bytes.length; at++) {
      events.clear();
      decoder.feed(bytes, 0, at);
      decoder.feed(bytes, at, bytes.length - at);
      decoder.end();
      assertEquals(whole, events, "split at " + at);
    }
    events.clear();
    events.addAll(whole);
  }

  @Test
  void lineEndsMayBeLfCrlfOrCr() {
    feedEveryWay("data: a\n\ndata: b\r\n\r\ndata: c\r\rdata:d\n\n");
    assertEquals(List.of("a", "b", "c", "d"), events);
  }

  @Test
  void commentsAndUnknownFieldsAreSkippedAndNamesKept() {
    feedEveryWay(": keep-alive\n\n: OPENROUTER PROCESSING\nid: 7\nretry: 10\nevent: message_start\ndata: {\"x\":1}\n\n");
    assertEquals(List.of("message_start={\"x\":1}"), events);
  }

  @Test
  void dataLinesOfOneEventAreJoinedByNewlines() {
    feedEveryWay("data: {\"a\":\ndata: 1}\n\n");
    assertEquals(List.of("{\"a\":\n1}"), events);
  }

  @Test
  void aFinalEventWithoutItsBlankLineIsStillDispatched() {
    feedEveryWay("data: first\n\ndata: [DONE]");
    assertEquals(List.of("first", "[DONE]"), events);
  }
}
