package io.aitap.agent.protocol.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/** Writes AWS event-stream frames as Bedrock sends them, with real CRCs, for tests. */
final class EventStreamEncoder {

  private final ByteArrayOutputStream stream = new ByteArrayOutputStream();

  EventStreamEncoder event(String eventType, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":event-type", eventType);
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "event");
    return frame(headers, json);
  }

  EventStreamEncoder exception(String exceptionType, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(":exception-type", exceptionType);
    headers.put(":content-type", "application/json");
    headers.put(":message-type", "exception");
    return frame(headers, json);
  }

  byte[] bytes() {
    return stream.toByteArray();
  }

  private EventStreamEncoder frame(Map<String, String> headers, String json) {
    ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
    headers.forEach((name, value) -> {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      byte[] v = value.getBytes(StandardCharsets.UTF_8);
      headerBytes.write(n.length);
      headerBytes.writeBytes(n);
      headerBytes.write(7);
      headerBytes.write(v.length >> 8);
      headerBytes.write(v.length & 0xFF);
      headerBytes.writeBytes(v);
    });
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    int total = 12 + headerBytes.size() + payload.length + 4;
    ByteBuffer frame = ByteBuffer.allocate(total);
    frame.putInt(total).putInt(headerBytes.size());
    frame.putInt((int) crc(frame.array(), 8));
    frame.put(headerBytes.toByteArray()).put(payload);
    frame.putInt((int) crc(frame.array(), total - 4));
    stream.writeBytes(frame.array());
    return this;
  }

  private static long crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }
}
