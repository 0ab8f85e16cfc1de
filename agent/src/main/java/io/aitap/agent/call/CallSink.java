package io.aitap.agent.call;

/** Where a finished call goes: telemetry, in the agent; a list, in tests. */
public interface CallSink {

  /** Called once per call, on the thread that ended it; must be quick and must not throw. */
  void ended(AiCall call);

  /** Called instead of {@link #ended} for a call that is not to be reported (a redirect the client follows). */
  default void discarded(AiCall call) {}

  /** Called for each streamed output chunk after the first, with the gap since the previous one. */
  void chunkGap(AiCall call, long gapNanos);
}
