package io.aitap.agent.call;

import java.util.ArrayList;
import java.util.List;

/** Collects what a call hands to telemetry. */
public final class RecordingSink implements CallSink {

  public final List<AiCall> ended = new ArrayList<>();
  public final List<Long> gaps = new ArrayList<>();

  @Override
  public void ended(AiCall call) {
    ended.add(call);
  }

  @Override
  public void chunkGap(AiCall call, long gapNanos) {
    gaps.add(gapNanos);
  }
}
