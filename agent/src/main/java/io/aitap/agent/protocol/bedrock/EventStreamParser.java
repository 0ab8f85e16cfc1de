package io.aitap.agent.protocol.bedrock;

import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseParser;
import io.aitap.agent.protocol.json.JsonEventHandler;
import io.aitap.agent.protocol.json.JsonEvents;

/**
 * A Bedrock stream: event frames hand their payload on under their {@code :event-type}; exception
 * frames fail the call with their {@code :exception-type}.
 */
final class EventStreamParser implements ResponseParser, EventStreamDecoder.Listener {

  /** Reads the payload of one event frame. */
  interface Events {
    void onEvent(String eventType, byte[] frame, int payloadOffset, int payloadLength);
  }

  private static final int MESSAGE_TYPE = 0;
  private static final int EVENT_TYPE = 1;
  private static final int EXCEPTION_TYPE = 2;
  private static final int ERROR_CODE = 3;

  private final ResponseFacts response;
  private final Events events;
  private final EventStreamDecoder decoder =
      new EventStreamDecoder(this, ":message-type", ":event-type", ":exception-type", ":error-code");

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
  public void onFrame(String[] headers, byte[] frame, int payloadOffset, int payloadLength) {
    String messageType = headers[MESSAGE_TYPE];
    if ("exception".equals(messageType) || "error".equals(messageType)) {
      String type = "exception".equals(messageType) ? headers[EXCEPTION_TYPE] : headers[ERROR_CODE];
      response.errorType = BedrockRuntime.errorTypeOf(type);
      response.failedInBody = true;
      return;
    }
    events.onEvent(headers[EVENT_TYPE], frame, payloadOffset, payloadLength);
  }
}
