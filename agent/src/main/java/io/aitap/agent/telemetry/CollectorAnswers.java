package io.aitap.agent.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * When an exporter last delivered something: at exit, a collector that keeps answering is waited
 * for, one that has gone silent is not. The exporters are wrapped as they are, every other call
 * passed through.
 */
final class CollectorAnswers {

  /** {@link System#nanoTime()} of the last successful export; meaningful once {@link #answered} is set. */
  private volatile long lastAnswerNanos;
  private volatile boolean answered;

  SpanExporter watch(SpanExporter exporter) {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return noted(exporter.export(spans));
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return exporter.shutdown();
      }

      @Override
      public String toString() {
        return exporter.toString();
      }
    };
  }

  MetricExporter watch(MetricExporter exporter) {
    return new MetricExporter() {
      @Override
      public CompletableResultCode export(Collection<MetricData> metrics) {
        return noted(exporter.export(metrics));
      }

      @Override
      public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return exporter.getAggregationTemporality(instrumentType);
      }

      @Override
      public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
        return exporter.getDefaultAggregation(instrumentType);
      }

      @Override
      public MemoryMode getMemoryMode() {
        return exporter.getMemoryMode();
      }

      @Override
      public CompletableResultCode flush() {
        return exporter.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return exporter.shutdown();
      }

      @Override
      public String toString() {
        return exporter.toString();
      }
    };
  }

  /** When the collector last answered, if it did after {@code sinceNanos}; else {@code sinceNanos}. */
  long lastAnswerAfter(long sinceNanos) {
    long last = lastAnswerNanos;
    return answered && last - sinceNanos > 0 ? last : sinceNanos;
  }

  private CompletableResultCode noted(CompletableResultCode result) {
    result.whenComplete(() -> {
      if (result.isSuccess()) {
        lastAnswerNanos = System.nanoTime();
        answered = true;
      }
    });
    return result;
  }
}
