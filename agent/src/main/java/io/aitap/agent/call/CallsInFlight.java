package io.aitap.agent.call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls started and not yet ended. A JVM that exits while a call is open — a batch job that
 * stops as soon as it has its answer, before the stream's last bytes arrived — would otherwise lose
 * that call: at shutdown each is ended as abandoned, with what was seen of it.
 */
public final class CallsInFlight implements CallSink {

  private final Set<AiCall> open = ConcurrentHashMap.newKeySet();
  private final CallSink sink;

  /** @param sink where the calls go once ended */
  public CallsInFlight(CallSink sink) {
    this.sink = sink;
  }

  void started(AiCall call) {
    open.add(call);
  }

  @Override
  public void ended(AiCall call) {
    open.remove(call);
    sink.ended(call);
  }

  @Override
  public void discarded(AiCall call) {
    open.remove(call);
    sink.discarded(call);
  }

  @Override
  public void chunkGap(AiCall call, long gapNanos) {
    sink.chunkGap(call, gapNanos);
  }

  /** Ends every call still open as abandoned; for the JVM's shutdown, before telemetry is flushed. */
  public void abandonAll() {
    for (AiCall call : open) {
      call.abandoned();
    }
  }
}
