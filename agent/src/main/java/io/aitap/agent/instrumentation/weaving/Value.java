package io.aitap.agent.instrumentation.weaving;

/** Where a value handed to a hook comes from, in the method the hook is woven into. */
public final class Value {

  enum Kind { NULL, THIS, ARGUMENT, ENTERED, RETURNED, THROWN, STATUS_FIELD }

  public static final Value NULL = new Value(Kind.NULL, -1, null);
  public static final Value THIS = new Value(Kind.THIS, -1, null);
  /** What the enter hook answered. */
  public static final Value ENTERED = new Value(Kind.ENTERED, -1, null);
  /** What the method returns; null on a throw, or from a void method. */
  public static final Value RETURNED = new Value(Kind.RETURNED, -1, null);
  /** What the method throws; null on a return. */
  public static final Value THROWN = new Value(Kind.THROWN, -1, null);

  final Kind kind;
  final int index;
  final String field;

  private Value(Kind kind, int index, String field) {
    this.kind = kind;
    this.index = index;
    this.field = field;
  }

  /** The method's argument {@code index}, from 0; a primitive is boxed. */
  public static Value argument(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("argument " + index);
    }
    return new Value(Kind.ARGUMENT, index, null);
  }

  /**
   * An {@code int} field of the instance, declared by its class or one above, boxed by the bridge's
   * cache of HTTP statuses: read on every call, AI or not, it must not allocate.
   */
  public static Value status(String intField) {
    return new Value(Kind.STATUS_FIELD, -1, intField);
  }
}
