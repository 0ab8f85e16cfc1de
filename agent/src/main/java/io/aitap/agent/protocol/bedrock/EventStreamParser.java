package io.aitap.agent.protocol.bedrock;

import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonEventHandler;
import io.aitap.agent.protocol.json.JsonEvents;
import java.util.Map;

/**
 * A Bedrock stream: event frames hand their payload on under their {@code :event-type}; exception
 * frames fail the call with their {@code :exception-type}.
 */
final class EventStreamParser implements ResponseParser, EventStreamDecoder.Listener {

  /** Reads the payload of one event frame. */
  interface Events {
    void onEvent(String eventType, byte[] frame, int payloadOffset, int payloadLength);
  }

  private final ResponseFacts response;
  private final Events events;
  private final EventStreamDecoder decoder = new EventStreamDecoder(this);

  EventStreamParser(ResponseFacts response, Events events) {
    this.response = response;
    this.events = events;
  }

  /** Events whose payload is JSON, scanned by {@code handler}. */
  static Events json(JsonEventHandler handler) {
    return new JsonEvents(handler)::event;
  }

  @Override
  public void feed(byte[] bytes, int offset, int length) {
    decoder.feed(bytes, offset, length);
  }

  @Override
  public void endOfBody() {}

  @Override
  public void onFrame(Map<String, String> headers, byte[] frame, int payloadOffset, int payloadLength) {
    String messageType = headers.get(":message-type");
    if ("exception".equals(messageType) || "error".equals(messageType)) {
      String type = "exception".equals(messageType) ? headers.get(":exception-type") : headers.get(":error-code");
      response.errorType = BedrockRuntime.errorTypeOf(type);
      response.failedInBody = true;
      return;
    }
    events.onEvent(headers.get(":event-type"), frame, payloadOffset, payloadLength);
  }
}
