package io.aitap.agent.instrumentation;

/** A client's tap, which binds the hooks woven into its library, by name, to its own methods. */
public interface ClientHooks {

  void registerHooks(HookRegistry hooks);
}
