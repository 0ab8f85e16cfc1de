package io.aitap.agent.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;

/**
 * A Jackson non-blocking parser, with the path of its current value, that outlives the body it
 * read. Setting a parser up costs about 600 bytes, and 56 more per nesting level, a third of all
 * aitap allocates for a call; yet a parser that has read a document to its end sits between two
 * root values, as good as new for the next. So each thread keeps one spare: the next body that
 * thread begins to read takes it, and a body that ended cleanly gives its parser back to the
 * thread it ended on. Only one body at a time holds a parser, and it keeps none of the body's
 * bytes. A parser retires once it has read {@link #RETIRE_AFTER_BYTES}: the field names it
 * learns (Jackson's symbol table) stay few, and it hands them to the factory for the next one.
 */
final class ReusableParser {

  /** Bytes a parser reads before it retires: a few dozen chat calls (long strings reach it cut). */
  static final long RETIRE_AFTER_BYTES = 64 * 1024;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ThreadLocal<ReusableParser> SPARE = new ThreadLocal<>();
  private static final byte[] NOTHING = new byte[0];

  final JsonParser parser;
  final JsonPath path = new JsonPath();
  private final ByteArrayFeeder feeder;
  private long bytesRead;

  private ReusableParser() {
    try {
      parser = FACTORY.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  /** This thread's spare, or a new parser. */
  static ReusableParser take() {
    ReusableParser spare = SPARE.get();
    if (spare == null) {
      return new ReusableParser();
    }
    SPARE.set(null);
    return spare;
  }

  void feed(byte[] bytes, int offset, int length) throws IOException {
    bytesRead += length;
    feeder.feedInput(bytes, offset, offset + length);
  }

  void endOfInput() {
    feeder.endOfInput();
  }

  /**
   * The body read by this parser ended with a whole document, and all of its input has been
   * parsed: the parser becomes this thread's spare, unless the thread has one or it has read
   * enough to retire. The caller no longer uses it.
   */
  void giveBack() {
    if (bytesRead > RETIRE_AFTER_BYTES || SPARE.get() != null || !parser.getParsingContext().inRoot()) {
      close();
      return;
    }
    try {
      // the last input array is the application's: let it go
      feeder.feedInput(NOTHING, 0, 0);
    } catch (IOException e) {
      close();
      return;
    }
    path.clear();
    SPARE.set(this);
  }

  /** Hands the field names this parser learnt to the factory, so that the next parser finds them. */
  void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // nothing was kept that needs it
    }
  }
}
