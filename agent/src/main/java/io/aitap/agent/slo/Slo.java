package io.aitap.agent.slo;

import java.util.List;

/** One named entry of slo.yaml: the calls it covers, their objectives over a window, their budget. */
public final class Slo {

  final String name;
  final SloSelector selector;
  /** A Prometheus duration such as 30d. */
  final String window;
  final long windowSeconds;
  final List<Objective> objectives;
  /** Null when the entry sets no cost budget. */
  final CostBudget cost;

  Slo(String name, SloSelector selector, String window, long windowSeconds, List<Objective> objectives, CostBudget cost) {
    this.name = name;
    this.selector = selector;
    this.window = window;
    this.windowSeconds = windowSeconds;
    this.objectives = List.copyOf(objectives);
    this.cost = cost;
  }

  public String name() {
    return name;
  }

  public SloSelector selector() {
    return selector;
  }

  public List<Objective> objectives() {
    return objectives;
  }
}
