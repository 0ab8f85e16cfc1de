package io.aitap.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorAnswersTest {

  private final CollectorAnswers answers = new CollectorAnswers();

  @Test
  void aDeliveredExportIsAnAnswer() {
    long before = System.nanoTime();
    SpanExporter exporter = answers.watch(InMemorySpanExporter.create());

    assertEquals(before, answers.lastAnswerAfter(before));
    assertTrue(exporter.export(List.of()).isSuccess());
    assertTrue(answers.lastAnswerAfter(before) - before > 0);
  }

  @Test
  void aFailedOrPendingExportIsNot() {
    CompletableResultCode pending = new CompletableResultCode();
    SpanExporter failing = answers.watch(new FixedResult(CompletableResultCode.ofFailure()));
    SpanExporter waiting = answers.watch(new FixedResult(pending));
    long before = System.nanoTime();

    failing.export(List.of());
    waiting.export(List.of());

    assertEquals(before, answers.lastAnswerAfter(before));
    pending.fail();
    assertEquals(before, answers.lastAnswerAfter(before));
  }

  @Test
  void aWatchedMetricExporterKeepsItsTemporalityAndAggregation() {
    MetricExporter delta = InMemoryMetricExporter.create(AggregationTemporality.DELTA);
    MetricExporter watched = answers.watch(delta);

    for (InstrumentType type : InstrumentType.values()) {
      assertSame(delta.getAggregationTemporality(type), watched.getAggregationTemporality(type));
      assertSame(delta.getDefaultAggregation(type), watched.getDefaultAggregation(type));
    }
    assertSame(delta.getMemoryMode(), watched.getMemoryMode());
  }

  @Test
  void everyOtherCallReachesTheExporter() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SpanExporter watched = answers.watch(exporter);

    assertEquals(exporter.toString(), watched.toString());
    assertTrue(watched.equals(watched) && !watched.equals(exporter), "the wrapper is an object of its own");
    assertTrue(watched.shutdown().isSuccess());
    assertFalse(exporter.export(List.of()).isSuccess(), "the exporter itself was shut down");
  }

  private static final class FixedResult implements SpanExporter {
    private final CompletableResultCode result;

    FixedResult(CompletableResultCode result) {
      this.result = result;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
