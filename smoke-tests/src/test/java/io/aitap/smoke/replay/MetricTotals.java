package io.aitap.smoke.replay;

import io.aitap.smoke.harness.OtlpValues;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one histogram or counter recorded, per attribute set: the last cumulative point of each
 * series, or the sum of all delta points, whichever temporality the exporter used.
 */
public final class MetricTotals {

  /** Count and sum of one series; a counter's series has a sum only (its count is 0). */
  public static final class Total {
    public final long count;
    public final double sum;

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

  /** One data point of either kind, reduced to what the totals need. */
  private static final class Point {
    final Map<String, Object> attributes;
    final long timeUnixNano;
    final Total total;

    Point(List<KeyValue> attributes, long timeUnixNano, Total total) {
      this.attributes = OtlpValues.attributes(attributes);
      this.timeUnixNano = timeUnixNano;
      this.total = total;
    }
  }

  private final Map<Map<String, Object>, Total> totals;
  private final Set<String> units;

  private MetricTotals(Map<Map<String, Object>, Total> totals, Set<String> units) {
    this.totals = Collections.unmodifiableMap(totals);
    this.units = Collections.unmodifiableSet(units);
  }

  public static MetricTotals of(String name, Iterable<Metric> metrics) {
    Map<Map<String, Object>, Point> latest = new HashMap<>();
    Map<Map<String, Object>, Total> deltas = new HashMap<>();
    Set<String> units = new LinkedHashSet<>();
    for (Metric metric : metrics) {
      if (!metric.getName().equals(name) || !(metric.hasHistogram() || metric.hasSum())) {
        continue;
      }
      units.add(metric.getUnit());
      AggregationTemporality temporality = metric.hasHistogram()
          ? metric.getHistogram().getAggregationTemporality()
          : metric.getSum().getAggregationTemporality();
      for (Point point : points(metric)) {
        if (temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA) {
          deltas.merge(point.attributes, point.total, (a, b) -> new Total(a.count + b.count, a.sum + b.sum));
        } else {
          latest.merge(point.attributes, point, (a, b) -> b.timeUnixNano >= a.timeUnixNano ? b : a);
        }
      }
    }
    Map<Map<String, Object>, Total> totals = new HashMap<>(deltas);
    latest.forEach((attributes, point) -> totals.put(attributes, point.total));
    return new MetricTotals(totals, units);
  }

  private static List<Point> points(Metric metric) {
    List<Point> points = new ArrayList<>();
    if (metric.hasHistogram()) {
      for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
        points.add(new Point(point.getAttributesList(), point.getTimeUnixNano(),
            new Total(point.getCount(), point.getSum())));
      }
    } else {
      for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
        boolean integer = point.getValueCase() == NumberDataPoint.ValueCase.AS_INT;
        double value = integer ? point.getAsInt() : point.getAsDouble();
        points.add(new Point(point.getAttributesList(), point.getTimeUnixNano(), new Total(0, value)));
      }
    }
    return points;
  }

  public Map<Map<String, Object>, Total> bySeries() {
    return totals;
  }

  /** How many values were recorded, over every series. */
  public long recordings() {
    return totals.values().stream().mapToLong(total -> total.count).sum();
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
