package io.aitap.agent.summary;

/** What the summary keeps for one provider and model: counts, sums and two latency sketches. */
final class ModelTotals {
  long calls;
  long failed;
  long inputTokens;
  long outputTokens;
  double costUsd;
  long unpricedCalls;
  final LatencySketch duration = new LatencySketch();
  final LatencySketch timeToFirstChunk = new LatencySketch();
}
