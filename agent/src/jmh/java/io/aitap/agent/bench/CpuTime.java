package io.aitap.agent.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmark thread's CPU time, and the units of work (calls, bytes) done in it: on a machine
 * shared with other work, wall-clock rates measure the neighbours as much as aitap, CPU time far
 * less. Reported per iteration as the auxiliary counters {@code cpuNanos}, {@code work} and {@code ops}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public long cpuNanos;
  public long work;
  public long ops;

  @Setup(Level.Iteration)
  public void reset() {
    cpuNanos = 0;
    work = 0;
    ops = 0;
  }

  static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  void add(long startCpuNanos, long units) {
    cpuNanos += now() - startCpuNanos;
    work += units;
    ops++;
  }
}
