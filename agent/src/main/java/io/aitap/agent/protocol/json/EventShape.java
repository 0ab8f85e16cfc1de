package io.aitap.agent.protocol.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a value of a streamed event means to the fields that read it, so that an event whose every
 * value means nothing new can be judged from its bytes ({@link EventSkimmer}) instead of parsed.
 * Most events of a stream are content deltas that only say "output arrived"; parsing them was most
 * of the scan's cost. Whatever a shape does not know to be harmless ({@link #READ}) sends the event
 * to the parser: a shape may only be narrower than its fields, never wider.
 */
public final class EventShape {

  enum Kind { IGNORED, IGNORED_SCALAR, NULL, OUTPUT, MODEL, ID, READ, OBJECT, ARRAY }

  /** Any value: the fields never look at it or inside it. */
  public static final EventShape IGNORED = new EventShape(Kind.IGNORED);
  /** A string, number, boolean or null the fields never look at. */
  public static final EventShape IGNORED_SCALAR = new EventShape(Kind.IGNORED_SCALAR);
  /** Null; any other value is read. */
  public static final EventShape NULL = new EventShape(Kind.NULL);
  /** A string, number, boolean or null, where a non-empty string means the event carries output. */
  public static final EventShape OUTPUT = new EventShape(Kind.OUTPUT);
  /** The response model as already read; another value is read. */
  public static final EventShape MODEL = new EventShape(Kind.MODEL);
  /** The response id as already read; another value is read. */
  public static final EventShape ID = new EventShape(Kind.ID);
  /** A value the fields read: the event is parsed. */
  public static final EventShape READ = new EventShape(Kind.READ);

  final Kind kind;
  /** Of an object: the names with shapes of their own, as bytes, and those shapes. */
  final byte[][] names;
  final EventShape[] fields;
  /** Of an object: the shape of every other field; of an array: the shape of its elements. */
  final EventShape others;

  private EventShape(Kind kind) {
    this(kind, new byte[0][], new EventShape[0], null);
  }

  private EventShape(Kind kind, byte[][] names, EventShape[] fields, EventShape others) {
    this.kind = kind;
    this.names = names;
    this.fields = fields;
    this.others = others;
  }

  /** An object whose fields are all shaped {@code others}, but those given by {@link #with}. */
  public static EventShape object(EventShape others) {
    return new EventShape(Kind.OBJECT, new byte[0][], new EventShape[0], others);
  }

  /** An array of elements shaped {@code element}. */
  public static EventShape array(EventShape element) {
    return new EventShape(Kind.ARRAY, new byte[0][], new EventShape[0], element);
  }

  /** This object, with the field {@code name} shaped {@code shape}. */
  public EventShape with(String name, EventShape shape) {
    if (kind != Kind.OBJECT) {
      throw new IllegalStateException("fields belong to objects");
    }
    byte[][] moreNames = Arrays.copyOf(names, names.length + 1);
    EventShape[] moreFields = Arrays.copyOf(fields, fields.length + 1);
    moreNames[names.length] = name.getBytes(StandardCharsets.US_ASCII);
    moreFields[fields.length] = shape;
    return new EventShape(kind, moreNames, moreFields, others);
  }

  /** The shape of the field whose name is these bytes (no escapes in them). */
  EventShape field(byte[] bytes, int offset, int length) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].length == length && isName(names[i], bytes, offset)) {
        return fields[i];
      }
    }
    return others;
  }

  /** A plain loop: names are a few bytes, too short for a vectorised comparison to pay its set-up. */
  private static boolean isName(byte[] name, byte[] bytes, int offset) {
    for (int k = 0; k < name.length; k++) {
      if (name[k] != bytes[offset + k]) {
        return false;
      }
    }
    return true;
  }
}
