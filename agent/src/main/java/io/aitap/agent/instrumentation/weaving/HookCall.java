package io.aitap.agent.instrumentation.weaving;

/**
 * One call of {@code AitapBridge.call(hook, target, argument, value, thrown)} woven into a method,
 * and where each of its values comes from.
 */
public final class HookCall {

  final String hook;
  final Value target;
  final Value argument;
  final Value value;
  final Value thrown;

  private HookCall(String hook, Value target, Value argument, Value value, Value thrown) {
    this.hook = hook;
    this.target = target;
    this.argument = argument;
    this.value = value;
    this.thrown = thrown;
  }

  public static HookCall call(String hook, Value target) {
    return call(hook, target, Value.NULL, Value.NULL, Value.NULL);
  }

  public static HookCall call(String hook, Value target, Value argument) {
    return call(hook, target, argument, Value.NULL, Value.NULL);
  }

  public static HookCall call(String hook, Value target, Value argument, Value value, Value thrown) {
    return new HookCall(hook, target, argument, value, thrown);
  }

  Value[] values() {
    return new Value[] {target, argument, value, thrown};
  }
}
