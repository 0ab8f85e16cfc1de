package io.aitap.agent.capture;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.aitap.agent.protocol.json.CutString;
import io.aitap.agent.protocol.json.JsonPath;
import java.io.IOException;

/**
 * Writes a JSON value that the scanner shows value by value (a tool call's input object, a tool's
 * JSON result) back as compact JSON text into a part, within the part's room: the conventions
 * record tool arguments as the text the model wrote.
 */
public final class JsonText {

  private static final int MAX_DEPTH = 64;

  private final Part part;
  /** Depth of the path while inside the root container, its own segment included. */
  private final int rootDepth;
  private final boolean[] needsComma = new boolean[MAX_DEPTH];
  private final boolean[] isArray = new boolean[MAX_DEPTH];
  private boolean done;

  /** Starts writing the container that {@code path} (as given to {@code onStart}) just opened. */
  public JsonText(Part part, JsonPath path) {
    this.part = part;
    this.rootDepth = path.depth();
    open(path);
  }

  /** Whether the root container has closed. */
  public boolean done() {
    return done;
  }

  /** Whether {@code path} is inside the container being written. */
  public boolean contains(JsonPath path) {
    return !done && path.depth() >= rootDepth;
  }

  public void onStart(JsonPath path) {
    if (!contains(path) || path.depth() - 1 >= MAX_DEPTH) {
      return;
    }
    prefix(path, path.depth() - 2);
    open(path);
  }

  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (!contains(path)) {
      return;
    }
    prefix(path, path.depth() - 1);
    if (token == JsonToken.VALUE_STRING) {
      CutString string = CutString.of(parser.getText());
      part.append("\"" + new String(JsonStringEncoder.getInstance().quoteAsString(string.kept)) + "\"");
      if (string.cut) {
        part.truncated = true;
      }
    } else {
      part.append(parser.getText());
    }
  }

  /** {@code path} as given to {@code onEnd}: the closed container's segment already gone. */
  public void onEnd(JsonPath path) {
    if (done || path.depth() < rootDepth - 1) {
      return;
    }
    int level = path.depth();
    if (level < MAX_DEPTH) {
      part.append(isArray[level] ? "]" : "}");
    }
    if (level == rootDepth - 1) {
      done = true;
    }
  }

  private void open(JsonPath path) {
    int level = path.depth() - 1;
    boolean array = path.last() != null;
    isArray[level] = array;
    needsComma[level] = false;
    part.append(array ? "[" : "{");
  }

  /** Comma and field name before an entry whose own segment is at {@code index}. */
  private void prefix(JsonPath path, int index) {
    if (index < rootDepth - 1 || index >= MAX_DEPTH) {
      return;
    }
    if (needsComma[index]) {
      part.append(",");
    }
    needsComma[index] = true;
    String segment = path.segment(index);
    if (!"[]".equals(segment)) {
      part.append("\"" + new String(JsonStringEncoder.getInstance().quoteAsString(segment)) + "\":");
    }
  }
}
