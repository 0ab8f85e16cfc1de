package io.aitap.smoke.harness;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Map;

/** A span as the OTLP receiver got it, with the resource it came from. */
public final class ReceivedSpan {

  private final Span span;
  private final Map<String, Object> attributes;
  private final Map<String, Object> resource;

  ReceivedSpan(Span span, Map<String, Object> resource) {
    this.span = span;
    this.attributes = OtlpValues.attributes(span.getAttributesList());
    this.resource = resource;
  }

  public String name() {
    return span.getName();
  }

  /** CLIENT, SERVER, INTERNAL, … */
  public String kind() {
    return span.getKind().name().replace("SPAN_KIND_", "");
  }

  public boolean isError() {
    return span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR;
  }

  public String traceId() {
    return OtlpValues.hex(span.getTraceId());
  }

  /** Empty for a root span. */
  public String parentSpanId() {
    return OtlpValues.hex(span.getParentSpanId());
  }

  /** What the OpenTelemetry Java agent names itself in its resource ({@code telemetry.distro.name}). */
  private static final String OTEL_AGENT_DISTRO = "opentelemetry-java-instrumentation";

  /**
   * Whether aitap made this span: each of its spans names a GenAI operation, which no HTTP span
   * does; the OpenTelemetry Java agent's own GenAI spans (its Bedrock instrumentation's) come with
   * its resource.
   */
  public boolean isAitaps() {
    return attributes.containsKey("gen_ai.operation.name") && !isOpenTelemetryAgents();
  }

  public boolean isOpenTelemetryAgents() {
    return OTEL_AGENT_DISTRO.equals(resource.get("telemetry.distro.name"));
  }

  public String spanId() {
    return OtlpValues.hex(span.getSpanId());
  }

  public Map<String, Object> attributes() {
    return attributes;
  }

  public Object attribute(String key) {
    return attributes.get(key);
  }

  public Map<String, Object> resource() {
    return resource;
  }

  @Override
  public String toString() {
    return "'" + name() + "' " + kind() + (isError() ? " ERROR " : " ") + attributes;
  }
}
