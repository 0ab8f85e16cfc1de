package io.aitap.agent.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * When an exporter last delivered something: at exit, a collector that keeps answering is waited
 * for, one that has gone silent is not. The exporters are wrapped as they are, every other call
 * passed through: by a proxy, so that a method a newer SDK adds to an exporter interface reaches
 * the exporter too instead of the interface's default.
 */
final class CollectorAnswers {

  /** {@link System#nanoTime()} of the last successful export; meaningful once {@link #answered} is set. */
  private volatile long lastAnswerNanos;
  private volatile boolean answered;

  SpanExporter watch(SpanExporter exporter) {
    return watch(SpanExporter.class, exporter);
  }

  MetricExporter watch(MetricExporter exporter) {
    return watch(MetricExporter.class, exporter);
  }

  /** When the collector last answered, if it did after {@code sinceNanos}; else {@code sinceNanos}. */
  long lastAnswerAfter(long sinceNanos) {
    long last = lastAnswerNanos;
    return answered && last - sinceNanos > 0 ? last : sinceNanos;
  }

  private <T> T watch(Class<T> type, T exporter) {
    InvocationHandler passThrough = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class && !method.getName().equals("toString")) {
        // equals and hashCode stay the wrapper's own: it is a distinct object from the exporter
        return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
      }
      Object result;
      try {
        result = method.invoke(exporter, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return method.getName().equals("export") ? noted((CompletableResultCode) result) : result;
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, passThrough));
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
