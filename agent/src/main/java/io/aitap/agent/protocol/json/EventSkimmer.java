package io.aitap.agent.protocol.json;

import io.aitap.agent.protocol.ResponseFacts;
import java.util.Arrays;

/**
 * Judges one whole event from its bytes against an {@link EventShape}: whether it is a JSON value
 * that the parser would read without error and whose every value changes nothing the fields hold,
 * and whether it carries output. Stricter than the parser wherever that is simpler (no escapes in
 * field names, strictly valid UTF-8, short strings and numbers, shallow nesting): an event it
 * cannot vouch for goes to the parser, so skimming never changes what a stream reports.
 *
 * <p>The events of a stream are alike: the same fields in the same order, the same model and id,
 * and only some strings (the text, a timestamp, padding) differing. So the last event walked in
 * full is kept as a template, and the next is first compared with it byte for byte, outside the
 * template's string values, whose replacements are only checked to be valid strings; a
 * difference anywhere else sends the event to the full walk.
 */
final class EventSkimmer {

  /** The parser's path stops following deeper than this. */
  private static final int MAX_DEPTH = 64;
  /** Longer strings reach the fields cut short (see {@link LongStringFilter}); such events are parsed. */
  private static final int MAX_STRING = JsonScanner.KEPT_STRING_BYTES;
  /** Far beyond any count or id, and far below the parser's own limit on number length. */
  private static final int MAX_NUMBER = 64;
  private static final EventShape IGNORED_OBJECT = EventShape.object(EventShape.IGNORED);
  private static final EventShape IGNORED_ARRAY = EventShape.array(EventShape.IGNORED);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  /** Where a container's walk stands. */
  private static final int INVALID = -1;
  private static final int MORE = 0;
  private static final int CLOSED = 1;
  /** String values a template may have; an event with more is walked in full every time. */
  private static final int MAX_SLOTS = 16;
  /** Shorter runs are compared faster by a plain loop than by the vectorised comparison. */
  private static final int VECTOR_COMPARE = 32;

  private byte[] bytes;
  private int at;
  private int end;
  private int depth;
  private boolean output;
  private ResponseFacts response;
  /** The last string read: where its content starts, its length in bytes, whether it has escapes. */
  private int stringStart;
  private int stringLength;
  private boolean stringEscaped;

  /** The last event walked in full: its bytes, and where its string values are (their quotes). */
  private byte[] template;
  private int templateLength = -1;
  private EventShape templateShape;
  private String templateModel;
  private String templateId;
  private final int[] slotOpen = new int[MAX_SLOTS];
  private final int[] slotClose = new int[MAX_SLOTS];
  private final boolean[] slotOutput = new boolean[MAX_SLOTS];
  private int slots;
  private int templateOffset;

  /**
   * Whether the event in {@code bytes} is a value of {@code shape} that tells {@code response}
   * nothing new: then reading it would at most have found output ({@link #carriesOutput()}).
   */
  boolean skims(EventShape shape, byte[] bytes, int offset, int length, ResponseFacts response) {
    this.bytes = bytes;
    this.at = offset;
    this.end = offset + length;
    this.depth = 0;
    this.output = false;
    this.response = response;
    try {
      if (shape == templateShape && response.model == templateModel && response.id == templateId
          && matchesTemplate(offset)) {
        return true;
      }
      templateShape = null;
      slots = 0;
      templateOffset = offset;
      at = offset;
      output = false;
      whitespace();
      if (!value(shape)) {
        return false;
      }
      whitespace();
      if (at != end) {
        return false;
      }
      keepTemplate(shape, offset, length);
      return true;
    } finally {
      this.bytes = null;
      this.response = null;
    }
  }

  /** Whether the last event {@link #skims} accepted carries output. */
  boolean carriesOutput() {
    return output;
  }

  /** Whether the event matches the template but for its string values, which are valid strings. */
  private boolean matchesTemplate(int offset) {
    int e = offset;
    int t = 0;
    for (int s = 0; s < slots; s++) {
      int fixed = slotOpen[s] + 1 - t; // up to and with the opening quote
      if (end - e < fixed || !same(e, t, fixed)) {
        return false;
      }
      at = e + fixed - 1;
      if (!string()) {
        return false;
      }
      output |= slotOutput[s] && stringLength > 0;
      e = at;
      t = slotClose[s] + 1;
    }
    int rest = templateLength - t;
    return end - e == rest && same(e, t, rest);
  }

  private boolean same(int at, int templateAt, int length) {
    if (length >= VECTOR_COMPARE) {
      return Arrays.equals(bytes, at, at + length, template, templateAt, templateAt + length);
    }
    for (int k = 0; k < length; k++) {
      if (bytes[at + k] != template[templateAt + k]) {
        return false;
      }
    }
    return true;
  }

  private void keepTemplate(EventShape shape, int offset, int length) {
    if (slots > MAX_SLOTS) {
      return;
    }
    if (template == null || template.length < length) {
      template = new byte[Math.max(length, template == null ? 0 : 2 * template.length)];
    }
    System.arraycopy(bytes, offset, template, 0, length);
    templateLength = length;
    templateShape = shape;
    templateModel = response.model;
    templateId = response.id;
  }

  /** The string value just read may differ in the events that follow: its quotes mark a slot of the template. */
  private void slot(boolean isOutput) {
    if (slots < MAX_SLOTS) {
      slotOpen[slots] = stringStart - 1 - templateOffset;
      slotClose[slots] = stringStart + stringLength - templateOffset;
      slotOutput[slots] = isOutput;
    }
    slots++;
  }

  private boolean value(EventShape shape) {
    if (at >= end) {
      return false;
    }
    byte first = bytes[at];
    switch (shape.kind) {
      case IGNORED:
        return first == '{' ? object(IGNORED_OBJECT) : first == '[' ? array(IGNORED_ARRAY) : variable(first, false);
      case IGNORED_SCALAR:
        return variable(first, false);
      case NULL:
        return literal(NULL);
      case OUTPUT:
        if (!variable(first, true)) {
          return false;
        }
        output |= first == '"' && stringLength > 0;
        return true;
      case MODEL:
        return first == '"' && string() && known(response.model);
      case ID:
        return first == '"' && string() && known(response.id);
      case OBJECT:
        return first == '{' && object(shape);
      case ARRAY:
        return first == '[' && array(shape.others);
      default:
        return false;
    }
  }

  private boolean object(EventShape shape) {
    int state = open('}');
    while (state == MORE) {
      if (at >= end || bytes[at] != '"' || !string() || stringEscaped) {
        return false;
      }
      EventShape field = shape.field(bytes, stringStart, stringLength);
      whitespace();
      if (at >= end || bytes[at] != ':') {
        return false;
      }
      at++;
      whitespace();
      if (!value(field)) {
        return false;
      }
      state = next('}');
    }
    return state == CLOSED;
  }

  private boolean array(EventShape element) {
    int state = open(']');
    while (state == MORE) {
      if (!value(element)) {
        return false;
      }
      state = next(']');
    }
    return state == CLOSED;
  }

  /** Enters the container opening at {@link #at}: {@link #CLOSED} when it is empty. */
  private int open(char close) {
    if (++depth > MAX_DEPTH) {
      return INVALID;
    }
    at++;
    whitespace();
    if (at < end && bytes[at] == close) {
      at++;
      depth--;
      return CLOSED;
    }
    return MORE;
  }

  /** After a member or element: a comma and {@link #MORE}, or the closing bracket and {@link #CLOSED}. */
  private int next(char close) {
    whitespace();
    if (at >= end) {
      return INVALID;
    }
    byte next = bytes[at++];
    if (next == close) {
      depth--;
      return CLOSED;
    }
    if (next != ',') {
      return INVALID;
    }
    whitespace();
    return MORE;
  }

  /** A scalar; a string is a slot of the template. */
  private boolean variable(byte first, boolean isOutput) {
    if (first != '"') {
      return scalar(first);
    }
    if (!string()) {
      return false;
    }
    slot(isOutput);
    return true;
  }

  private boolean scalar(byte first) {
    switch (first) {
      case '"':
        return string();
      case 'n':
        return literal(NULL);
      case 't':
        return literal(TRUE);
      case 'f':
        return literal(FALSE);
      default:
        return number();
    }
  }

  /** A string from its opening quote; its content is left in {@link #stringStart} and {@link #stringLength}. */
  private boolean string() {
    int i = at + 1;
    int start = i;
    boolean escaped = false;
    while (true) {
      byte b;
      // the common run: printable ASCII (a byte of 0x80 or more is negative)
      while (i < end && (b = bytes[i]) >= 0x20 && b != '"' && b != '\\') {
        i++;
      }
      if (i >= end) {
        return false;
      }
      b = bytes[i];
      if (b == '"') {
        break;
      }
      if (b == '\\') {
        i = escape(i);
        escaped = true;
      } else if (b < 0) {
        i = utf8(i);
      } else {
        return false; // a control character, which JSON does not allow unescaped
      }
      if (i < 0) {
        return false;
      }
    }
    if (i - start > MAX_STRING) {
      return false;
    }
    stringStart = start;
    stringLength = i - start;
    stringEscaped = escaped;
    at = i + 1;
    return true;
  }

  /** The index after the escape sequence at {@code i}, or -1. */
  private int escape(int i) {
    if (i + 1 >= end) {
      return -1;
    }
    switch (bytes[i + 1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        return i + 2;
      case 'u':
        if (i + 6 > end) {
          return -1;
        }
        for (int k = i + 2; k < i + 6; k++) {
          if (Character.digit(bytes[k], 16) < 0) {
            return -1;
          }
        }
        return i + 6;
      default:
        return -1;
    }
  }

  /** The index after the UTF-8 character that starts at {@code i}, or -1 unless it is well-formed. */
  private int utf8(int i) {
    int lead = bytes[i] & 0xFF;
    int continuation;
    int secondMin = 0x80;
    int secondMax = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      continuation = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      continuation = 2;
      secondMin = lead == 0xE0 ? 0xA0 : secondMin; // no overlong forms
      secondMax = lead == 0xED ? 0x9F : secondMax; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      continuation = 3;
      secondMin = lead == 0xF0 ? 0x90 : secondMin;
      secondMax = lead == 0xF4 ? 0x8F : secondMax; // nothing past U+10FFFF
    } else {
      return -1;
    }
    if (i + continuation >= end) {
      return -1;
    }
    int second = bytes[i + 1] & 0xFF;
    if (second < secondMin || second > secondMax) {
      return -1;
    }
    for (int k = i + 2; k <= i + continuation; k++) {
      if ((bytes[k] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return i + continuation + 1;
  }

  private boolean number() {
    int i = at;
    if (i < end && bytes[i] == '-') {
      i++;
    }
    if (i < end && bytes[i] == '0') {
      i++;
    } else {
      int digits = digits(i);
      if (digits == i) {
        return false;
      }
      i = digits;
    }
    if (i < end && bytes[i] == '.') {
      int digits = digits(i + 1);
      if (digits == i + 1) {
        return false;
      }
      i = digits;
    }
    if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int digits = digits(i);
      if (digits == i) {
        return false;
      }
      i = digits;
    }
    if (i - at > MAX_NUMBER) {
      return false;
    }
    at = i;
    return true;
  }

  private int digits(int i) {
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    return i;
  }

  private boolean literal(byte[] literal) {
    if (end - at < literal.length) {
      return false;
    }
    for (int k = 0; k < literal.length; k++) {
      if (bytes[at + k] != literal[k]) {
        return false;
      }
    }
    at += literal.length;
    return true;
  }

  /** Whether the string just read is {@code known}, a value the fields already hold. */
  private boolean known(String known) {
    if (known == null || stringEscaped || stringLength == 0 || known.length() != stringLength) {
      return false;
    }
    for (int k = 0; k < stringLength; k++) {
      // a byte of a multi-byte character is negative and equals no char
      if (bytes[stringStart + k] != known.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private void whitespace() {
    while (at < end) {
      byte b = bytes[at];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      at++;
    }
  }
}
