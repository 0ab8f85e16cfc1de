package io.aitap.agent.telemetry;

import java.util.Arrays;
import java.util.List;

/**
 * The bucket boundaries of aitap's time histograms, as the GenAI conventions advise. Public because
 * SLO thresholds must be one of them: a share of calls under a threshold can only be read from a
 * histogram at a boundary it has.
 */
public final class HistogramBuckets {

  /** {@code gen_ai.client.operation.duration}, seconds. */
  public static final List<Double> DURATION_SECONDS =
      Arrays.asList(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

  /** {@code gen_ai.client.operation.time_to_first_chunk}, seconds. */
  public static final List<Double> TIME_TO_FIRST_CHUNK_SECONDS =
      Arrays.asList(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);

  private HistogramBuckets() {}
}
