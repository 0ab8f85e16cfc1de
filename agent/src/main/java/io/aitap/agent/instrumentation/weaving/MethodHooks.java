package io.aitap.agent.instrumentation.weaving;

import net.bytebuddy.jar.asm.Type;

/**
 * What is woven into one method: a hook called on entry, one called on exit, or both. Every hook
 * call is wrapped so that nothing it does, throws included, changes what the method does, other
 * than the replacements asked for here.
 */
public final class MethodHooks {

  final HookCall enter;
  final int[] replacedArguments;
  final HookCall exit;
  final boolean exitOnThrow;
  final boolean exitOnlyWhenEntered;
  final boolean exitReplacesReturn;

  private MethodHooks(
      HookCall enter,
      int[] replacedArguments,
      HookCall exit,
      boolean exitOnThrow,
      boolean exitOnlyWhenEntered,
      boolean exitReplacesReturn) {
    this.enter = enter;
    this.replacedArguments = replacedArguments;
    this.exit = exit;
    this.exitOnThrow = exitOnThrow;
    this.exitOnlyWhenEntered = exitOnlyWhenEntered;
    this.exitReplacesReturn = exitReplacesReturn;
  }

  /** {@code call} before the method's own code. */
  public static MethodHooks onEnter(HookCall call) {
    return new MethodHooks(call, new int[0], null, false, false, false);
  }

  /** {@code call} when the method returns. */
  public static MethodHooks onReturn(HookCall call) {
    return new MethodHooks(null, new int[0], call, false, false, false);
  }

  /** {@code call} when the method returns or throws. */
  public static MethodHooks onReturnOrThrow(HookCall call) {
    return new MethodHooks(null, new int[0], call, true, false, false);
  }

  /**
   * The enter hook's answer, unless null, replaces these arguments before the method's code sees
   * them: one argument takes the answer itself, several take an {@code Object[]} answer in order.
   */
  public MethodHooks answerReplaces(int... arguments) {
    return new MethodHooks(enter, arguments.clone(), exit, exitOnThrow, exitOnlyWhenEntered, exitReplacesReturn);
  }

  public MethodHooks thenOnReturn(HookCall call) {
    return new MethodHooks(enter, replacedArguments, call, false, exitOnlyWhenEntered, exitReplacesReturn);
  }

  public MethodHooks thenOnReturnOrThrow(HookCall call) {
    return new MethodHooks(enter, replacedArguments, call, true, exitOnlyWhenEntered, exitReplacesReturn);
  }

  /** The exit hook is called only when the enter hook answered something other than null. */
  public MethodHooks onlyWhenEntered() {
    return new MethodHooks(enter, replacedArguments, exit, exitOnThrow, true, exitReplacesReturn);
  }

  /** The exit hook's answer, on a return, is what the method returns. */
  public MethodHooks answerIsReturned() {
    return new MethodHooks(enter, replacedArguments, exit, exitOnThrow, exitOnlyWhenEntered, true);
  }

  /**
   * Whether these hooks can be woven into a method of this shape: every value they read exists
   * there, every replacement has a reference to replace.
   */
  boolean fit(boolean isStatic, Type[] arguments, Type returned) {
    for (int argument : replacedArguments) {
      if (argument >= arguments.length || !isReference(arguments[argument])) {
        return false;
      }
    }
    boolean returnsValue = returned.getSort() != Type.VOID;
    if (exit != null && returnsValue && !isReference(returned)) {
      return false;
    }
    if (exitReplacesReturn && !returnsValue) {
      return false;
    }
    return (enter == null || readable(enter, isStatic, arguments)) && (exit == null || readable(exit, isStatic, arguments));
  }

  private static boolean readable(HookCall call, boolean isStatic, Type[] arguments) {
    for (Value value : call.values()) {
      if (value.kind == Value.Kind.ARGUMENT && value.index >= arguments.length) {
        return false;
      }
      if (isStatic && (value.kind == Value.Kind.THIS || value.kind == Value.Kind.STATUS_FIELD)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isReference(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
  }
}
