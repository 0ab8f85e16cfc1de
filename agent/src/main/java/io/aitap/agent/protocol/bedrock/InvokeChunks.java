package io.aitap.agent.protocol.bedrock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.json.JsonEventHandler;
import io.aitap.agent.protocol.json.JsonEvents;
import java.io.IOException;
import java.util.Base64;

/**
 * InvokeModelWithResponseStream: each {@code chunk} frame's payload is {@code {"bytes": "<base64>"}}
 * whose decoded JSON is one event in the vendor's own stream format, handed to that vendor's reader.
 * The frame is whole and bounded already, so its base64 value is read in one piece by a blocking
 * parser (the incremental scanner would cut such a long string).
 */
final class InvokeChunks implements EventStreamParser.Events {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonEvents vendor;

  InvokeChunks(JsonEventHandler vendor) {
    this.vendor = new JsonEvents(vendor);
  }

  @Override
  public void onEvent(String eventType, byte[] frame, int payloadOffset, int payloadLength) {
    byte[] event = decode(frame, payloadOffset, payloadLength);
    if (event == null) {
      return;
    }
    vendor.event(null, event, 0, event.length);
  }

  private static byte[] decode(byte[] frame, int offset, int length) {
    try (JsonParser parser = FACTORY.createParser(frame, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("bytes".equals(name) && value == JsonToken.VALUE_STRING) {
          return Base64.getDecoder().decode(parser.getText());
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }
}
