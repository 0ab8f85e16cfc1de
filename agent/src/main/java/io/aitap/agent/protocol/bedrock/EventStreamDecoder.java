package io.aitap.agent.protocol.bedrock;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The AWS event stream framing ({@code application/vnd.amazon.eventstream}), decoded incrementally:
 * {@code total_len u32 | headers_len u32 | prelude_crc u32 | headers | payload | message_crc u32},
 * big-endian, CRC-32 over the prelude and over the whole message. One frame is held at a time,
 * bounded by {@link #MAX_FRAME}; a larger or corrupt frame ends decoding. Only the string headers
 * asked for are read, into an array: a frame is a few hundred bytes, and a map of all its headers
 * cost as much as the rest of its decoding.
 */
final class EventStreamDecoder {

  interface Listener {
    /**
     * A whole, checked frame: the values of the string headers asked for, in the order asked
     * (null when absent; valid during the call only), and its payload.
     */
    void onFrame(String[] headers, byte[] frame, int payloadOffset, int payloadLength);
  }

  /** Bedrock's frames carry one small JSON event each; anything this large is not one. */
  static final int MAX_FRAME = 1 << 20;
  private static final int PRELUDE = 12;
  /** Header values repeat in every frame; this many distinct ones are kept as Strings. */
  private static final int KNOWN_STRINGS = 32;

  private final Listener listener;
  private byte[] frame = new byte[1024];
  private int filled;
  private int totalLength = -1;
  private boolean failed;
  private final CRC32 crc = new CRC32();
  private final byte[][] names;
  private final String[] headers;
  private final String[] known = new String[KNOWN_STRINGS];
  private int knownCount;

  EventStreamDecoder(Listener listener, String... headerNames) {
    this.listener = listener;
    this.names = new byte[headerNames.length][];
    for (int i = 0; i < headerNames.length; i++) {
      names[i] = headerNames[i].getBytes(StandardCharsets.UTF_8);
    }
    this.headers = new String[headerNames.length];
  }

  boolean failed() {
    return failed;
  }

  void feed(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end && !failed) {
      int wanted = (totalLength < 0 ? PRELUDE : totalLength) - filled;
      int n = Math.min(wanted, end - i);
      System.arraycopy(bytes, i, frame, filled, n);
      filled += n;
      i += n;
      if (filled == PRELUDE && totalLength < 0) {
        readPrelude();
      } else if (totalLength > 0 && filled == totalLength) {
        emit();
        filled = 0;
        totalLength = -1;
      }
    }
  }

  private void readPrelude() {
    int total = intAt(0);
    int headers = intAt(4);
    if (total < PRELUDE + 4 || total > MAX_FRAME || headers < 0 || headers > total - PRELUDE - 4
        || crc(0, 8) != (intAt(8) & 0xFFFFFFFFL)) {
      failed = true;
      return;
    }
    if (frame.length < total) {
      byte[] larger = new byte[Math.max(total, frame.length * 2)];
      System.arraycopy(frame, 0, larger, 0, PRELUDE);
      frame = larger;
    }
    totalLength = total;
  }

  private void emit() {
    if (crc(0, totalLength - 4) != (intAt(totalLength - 4) & 0xFFFFFFFFL)) {
      failed = true;
      return;
    }
    int headersLength = intAt(4);
    if (!readHeaders(PRELUDE, PRELUDE + headersLength)) {
      failed = true;
      return;
    }
    int payload = PRELUDE + headersLength;
    listener.onFrame(headers, frame, payload, totalLength - 4 - payload);
  }

  /** Reads the string headers asked for; other headers are skipped by their size. */
  private boolean readHeaders(int from, int to) {
    Arrays.fill(headers, null);
    int i = from;
    while (i < to) {
      int nameLength = frame[i++] & 0xFF;
      if (i + nameLength + 1 > to) {
        return false;
      }
      int wanted = wanted(i, nameLength);
      i += nameLength;
      int type = frame[i++] & 0xFF;
      int size;
      switch (type) {
        case 0: case 1: size = 0; break;
        case 2: size = 1; break;
        case 3: size = 2; break;
        case 4: size = 4; break;
        case 5: case 8: size = 8; break;
        case 9: size = 16; break;
        case 6: case 7:
          if (i + 2 > to) {
            return false;
          }
          int valueLength = ((frame[i] & 0xFF) << 8) | (frame[i + 1] & 0xFF);
          i += 2;
          if (i + valueLength > to) {
            return false;
          }
          if (type == 7 && wanted >= 0) {
            headers[wanted] = string(i, valueLength);
          }
          size = valueLength;
          break;
        default:
          return false;
      }
      i += size;
    }
    return i == to;
  }

  /** Which of the names asked for the frame's bytes at {@code at} are, or -1. */
  private int wanted(int at, int length) {
    for (int k = 0; k < names.length; k++) {
      if (names[k].length == length && isName(names[k], at)) {
        return k;
      }
    }
    return -1;
  }

  private boolean isName(byte[] name, int at) {
    for (int i = 0; i < name.length; i++) {
      if (frame[at + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** The frame's bytes as a String, the same String as last time when they are the same. */
  private String string(int at, int length) {
    for (int k = 0; k < knownCount; k++) {
      if (sameBytes(known[k], at, length)) {
        return known[k];
      }
    }
    String text = new String(frame, at, length, StandardCharsets.UTF_8);
    if (knownCount < KNOWN_STRINGS) {
      known[knownCount++] = text;
    }
    return text;
  }

  /** Compares as ASCII: a String with other characters never matches, and is only made anew. */
  private boolean sameBytes(String text, int at, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (frame[at + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int intAt(int at) {
    return ((frame[at] & 0xFF) << 24) | ((frame[at + 1] & 0xFF) << 16) | ((frame[at + 2] & 0xFF) << 8) | (frame[at + 3] & 0xFF);
  }

  private long crc(int from, int length) {
    crc.reset();
    crc.update(frame, from, length);
    return crc.getValue();
  }
}
