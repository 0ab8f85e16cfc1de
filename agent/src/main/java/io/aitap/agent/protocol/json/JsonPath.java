package io.aitap.agent.protocol.json;

/**
 * Where in a JSON document the current value sits: one segment per enclosing container, the field
 * name inside objects and {@code "[]"} inside arrays. Reused as the scanner moves; not a snapshot.
 */
public final class JsonPath {

  static final String ARRAY = "[]";
  private static final int MAX_DEPTH = 64;

  private final String[] segments = new String[MAX_DEPTH];
  private int depth;

  /** Number of enclosing containers. */
  public int depth() {
    return depth;
  }

  public String segment(int index) {
    return segments[index];
  }

  /** The innermost segment: the current field name, or "[]". */
  public String last() {
    return depth == 0 ? null : segments[depth - 1];
  }

  /** Whether the path is exactly these segments from the root. */
  public boolean is(String... expected) {
    if (expected.length != depth) {
      return false;
    }
    for (int i = 0; i < depth; i++) {
      if (!expected[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether the path begins with these segments. */
  public boolean startsWith(String... expected) {
    if (expected.length > depth) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (!expected[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  boolean push(String segment) {
    if (depth == MAX_DEPTH) {
      return false;
    }
    segments[depth++] = segment;
    return true;
  }

  void pop() {
    if (depth > 0) {
      segments[--depth] = null;
    }
  }

  void setLast(String segment) {
    if (depth > 0) {
      segments[depth - 1] = segment;
    }
  }

  void clear() {
    while (depth > 0) {
      pop();
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      text.append(i == 0 ? "" : ".").append(segments[i]);
    }
    return text.toString();
  }
}
