package io.aitap.smoke;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one histogram recorded, per attribute set: the last cumulative point of each series,
 * or the sum of all delta points, whichever temporality the exporter used.
 */
final class HistogramTotals {

  /** Count and sum of one series. */
  static final class Total {
    final long count;
    final double sum;

    Total(long count, double sum) {
      this.count = count;
      this.sum = sum;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Total && ((Total) other).count == count && ((Total) other).sum == sum;
    }

    @Override
    public int hashCode() {
      return Objects.hash(count, sum);
    }

    @Override
    public String toString() {
      return "count=" + count + " sum=" + sum;
    }
  }

  private final Map<Map<String, Object>, Total> totals;
  private final Set<String> units;

  private HistogramTotals(Map<Map<String, Object>, Total> totals, Set<String> units) {
    this.totals = Collections.unmodifiableMap(totals);
    this.units = Collections.unmodifiableSet(units);
  }

  static HistogramTotals of(String name, Iterable<Metric> metrics) {
    Map<Map<String, Object>, HistogramDataPoint> latest = new HashMap<>();
    Map<Map<String, Object>, Total> deltas = new HashMap<>();
    Set<String> units = new LinkedHashSet<>();
    for (Metric metric : metrics) {
      if (!metric.getName().equals(name) || !metric.hasHistogram()) {
        continue;
      }
      units.add(metric.getUnit());
      boolean delta = metric.getHistogram().getAggregationTemporality()
          == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
      for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
        Map<String, Object> attributes = OtlpValues.attributes(point.getAttributesList());
        if (delta) {
          deltas.merge(attributes, new Total(point.getCount(), point.getSum()),
              (a, b) -> new Total(a.count + b.count, a.sum + b.sum));
        } else {
          latest.merge(attributes, point, (a, b) -> b.getTimeUnixNano() >= a.getTimeUnixNano() ? b : a);
        }
      }
    }
    Map<Map<String, Object>, Total> totals = new HashMap<>(deltas);
    latest.forEach((attributes, point) -> totals.put(attributes, new Total(point.getCount(), point.getSum())));
    return new HistogramTotals(totals, units);
  }

  Map<Map<String, Object>, Total> bySeries() {
    return totals;
  }

  Set<String> units() {
    return units;
  }

  @Override
  public String toString() {
    Map<String, Total> sorted = new TreeMap<>();
    totals.forEach((attributes, total) -> sorted.put(attributes.toString(), total));
    StringBuilder out = new StringBuilder();
    sorted.forEach((attributes, total) -> out.append("\n    ").append(attributes).append(" -> ").append(total));
    return out.toString();
  }
}
