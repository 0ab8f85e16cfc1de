package io.aitap.agent.call;

import io.aitap.agent.AgentLog;

/** Hands each call to several sinks, each one shielded from the others' failures. */
public final class CallSinks implements CallSink {

  private final CallSink[] sinks;

  private CallSinks(CallSink[] sinks) {
    this.sinks = sinks;
  }

  public static CallSink of(CallSink... sinks) {
    return sinks.length == 1 ? sinks[0] : new CallSinks(sinks.clone());
  }

  @Override
  public void ended(AiCall call) {
    for (CallSink sink : sinks) {
      try {
        sink.ended(call);
      } catch (RuntimeException e) {
        AgentLog.debug("a call sink failed", e);
      }
    }
  }

  @Override
  public void chunkGap(AiCall call, long gapNanos) {
    for (CallSink sink : sinks) {
      try {
        sink.chunkGap(call, gapNanos);
      } catch (RuntimeException e) {
        AgentLog.debug("a call sink failed", e);
      }
    }
  }
}
