package io.aitap.agent.protocol.json;

import java.util.Arrays;

/**
 * Where in a JSON document the current value sits: one segment per enclosing container, the field
 * name inside objects and {@code "[]"} inside arrays. Reused as the scanner moves; not a snapshot.
 * The segments start with room for the depth AI bodies reach and grow up to {@link #MAX_DEPTH};
 * checks of up to three segments take them as plain arguments, since every value of every body
 * is checked and a varargs array per check adds up.
 */
public final class JsonPath {

  static final String ARRAY = "[]";
  private static final int MAX_DEPTH = 64;
  private static final int INITIAL_DEPTH = 8;

  private String[] segments = new String[INITIAL_DEPTH];
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

  /** Whether the path is exactly this one segment. */
  public boolean is(String first) {
    return depth == 1 && first.equals(segments[0]);
  }

  /** Whether the path is exactly these two segments. */
  public boolean is(String first, String second) {
    return depth == 2 && first.equals(segments[0]) && second.equals(segments[1]);
  }

  /** Whether the path is exactly these three segments. */
  public boolean is(String first, String second, String third) {
    return depth == 3 && first.equals(segments[0]) && second.equals(segments[1]) && third.equals(segments[2]);
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

  /** Whether the path begins with these two segments. */
  public boolean startsWith(String first, String second) {
    return depth >= 2 && first.equals(segments[0]) && second.equals(segments[1]);
  }

  /** Whether the path begins with these three segments. */
  public boolean startsWith(String first, String second, String third) {
    return depth >= 3 && first.equals(segments[0]) && second.equals(segments[1]) && third.equals(segments[2]);
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
    if (depth == segments.length) {
      segments = Arrays.copyOf(segments, Math.min(MAX_DEPTH, depth * 2));
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
