package io.aitap.agent.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseParser;
import java.io.IOException;

/**
 * Reads one JSON document (or a sequence of root values) from bytes that arrive in any pieces, on
 * Jackson's non-blocking parser, and shows each scalar value to a {@link Listener} with its path.
 * Nothing is kept beyond the parser's small state: long strings are cut short before Jackson sees
 * them ({@link LongStringFilter}). Malformed input stops the scanner quietly. A request or response
 * body that is one JSON document is read by a scanner alone, its listener knowing what the values mean.
 */
public final class JsonScanner implements ResponseParser, RequestScanner {

  /** Sees every scalar value (string, number, boolean, null) with the path it sits at. */
  public interface Listener {
    void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException;

    /** A container at {@code path} closed; {@code path} still includes its own segment. */
    default void onEnd(JsonPath path) {}

    /** A container opened; {@code path} ends with its own segment (null for an object, "[]" for an array). */
    default void onStart(JsonPath path) {}

    /**
     * How many bytes of each string reach the listener; a longer string arrives cut, ending in
     * {@link CutString#MARK} and its full length (see {@link CutString}).
     */
    default int keptStringBytes() {
      return KEPT_STRING_BYTES;
    }
  }

  /** Strings longer than this are cut: every value aitap reads (ids, models, reasons) is far shorter. */
  static final int KEPT_STRING_BYTES = 1024;

  /** Whitespace: ends a number that closes a document without ending the input. */
  private static final byte[] SEPARATOR = {' '};

  private final Listener listener;
  private final LongStringFilter filter;
  /** The parser this scanner reads with; null once the scanner has ended. */
  private ReusableParser reader;
  private boolean broken;

  public JsonScanner(Listener listener) {
    this.listener = listener;
    this.reader = ReusableParser.take();
    this.filter = new LongStringFilter(Math.max(KEPT_STRING_BYTES, listener.keptStringBytes()), this::parse);
  }

  @Override
  public void feed(byte[] bytes, int offset, int length) {
    if (reader != null && !broken && length > 0) {
      filter.feed(bytes, offset, length);
    }
  }

  /**
   * No more input: lets a number at the very end of the input complete. A document that ended
   * whole leaves its parser to the next body this thread reads.
   */
  @Override
  public void endOfBody() {
    if (reader == null || broken) {
      return;
    }
    if (betweenDocuments()) {
      reader.giveBack();
    } else {
      reader.endOfInput();
      drain();
      reader.close();
    }
    reader = null;
  }

  /**
   * One document of a sequence ended (an event's data): completes a value at its very end, as
   * {@link #endOfBody()} does, and says whether the next document may follow on this scanner. False
   * when this one was malformed or cut off inside a value: the scanner has ended then, and the
   * next document needs a new one, as if each had its own.
   */
  public boolean endDocument() {
    if (reader == null) {
      return false;
    }
    if (!broken && betweenDocuments()) {
      return true;
    }
    if (!broken && !filter.inString()) {
      parse(SEPARATOR, 0, 1);
      if (!broken && reader.parser.getParsingContext().inRoot()) {
        return true;
      }
    }
    endOfBody();
    return false;
  }

  public boolean isBroken() {
    return broken;
  }

  /** The document closed with its last byte: the parser is between documents already. */
  private boolean betweenDocuments() {
    return filter.endsWithClose() && reader.parser.getParsingContext().inRoot();
  }

  private void parse(byte[] bytes, int offset, int length) {
    if (broken) {
      return;
    }
    try {
      reader.feed(bytes, offset, length);
    } catch (IOException e) {
      fail();
      return;
    }
    drain();
  }

  /** Malformed input: the parser is of no further use. */
  private void fail() {
    broken = true;
    reader.close();
  }

  private void drain() {
    JsonParser parser = reader.parser;
    try {
      JsonToken token;
      while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
        onToken(token, parser);
      }
    } catch (IOException | RuntimeException e) {
      fail();
    }
  }

  private void onToken(JsonToken token, JsonParser parser) throws IOException {
    JsonPath path = reader.path;
    switch (token) {
      case START_OBJECT:
        path.push(null);
        listener.onStart(path);
        break;
      case START_ARRAY:
        path.push(JsonPath.ARRAY);
        listener.onStart(path);
        break;
      case END_OBJECT:
      case END_ARRAY:
        path.pop();
        listener.onEnd(path);
        break;
      case FIELD_NAME:
        path.setLast(parser.currentName());
        break;
      default:
        listener.onValue(path, token, parser);
    }
  }
}
