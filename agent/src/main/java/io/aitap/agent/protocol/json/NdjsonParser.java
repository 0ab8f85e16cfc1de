package io.aitap.agent.protocol.json;

import io.aitap.agent.protocol.ResponseParser;

/**
 * Newline-delimited JSON (Ollama's streams): each line is one event, fed as its bytes arrive; a
 * line read whole in one piece is handed on whole, uncopied. Blank lines and CR before LF are
 * ignored.
 */
public final class NdjsonParser implements ResponseParser {

  private final JsonEvents lines;

  public NdjsonParser(JsonEventHandler handler) {
    this.lines = new JsonEvents(handler);
  }

  @Override
  public void feed(byte[] bytes, int offset, int length) {
    int end = offset + length;
    int start = offset;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        if (lines.isOpen()) {
          append(bytes, start, i - start);
          endLine();
        } else if (i > start) {
          lines.event(null, bytes, start, i - start);
        }
        start = i + 1;
      }
    }
    append(bytes, start, end - start);
  }

  @Override
  public void endOfBody() {
    endLine();
  }

  private void append(byte[] bytes, int offset, int length) {
    if (length <= 0) {
      return;
    }
    if (!lines.isOpen()) {
      lines.start(null);
    }
    lines.feed(bytes, offset, length);
  }

  private void endLine() {
    lines.end();
  }
}
