package io.aitap.agent.instrumentation.weaving;

/** Hooks, and the methods they are woven into. */
public final class HookPoint {

  final Methods methods;
  final MethodHooks hooks;

  public HookPoint(Methods methods, MethodHooks hooks) {
    this.methods = methods;
    this.hooks = hooks;
  }
}
