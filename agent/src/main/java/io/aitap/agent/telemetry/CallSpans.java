package io.aitap.agent.telemetry;

import static io.aitap.agent.telemetry.GenAiAttributes.*;

import io.aitap.agent.attribution.AttributionTelemetry;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallEnd;
import io.aitap.agent.call.CallOutcome;
import io.aitap.agent.cost.CallCost;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.RateLimits;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Turns a finished call into one CLIENT span, after the fact, with the call's own start and end times. */
final class CallSpans {

  private static final TextMapGetter<String> TRACEPARENT =
      new TextMapGetter<String>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return Collections.singletonList("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
          return "traceparent".equals(key) ? carrier : null;
        }
      };

  private final Tracer tracer;
  private final SpanNames names = new SpanNames();

  CallSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  void record(AiCall call, CallOutcome outcome, CallCost cost) {
    String errorType = outcome.errorType();
    AiEndpoint endpoint = call.endpoint();
    RequestFacts request = call.request();
    ResponseFacts response = call.response();
    String operation = endpoint.protocol().operationName();

    SpanBuilder builder =
        tracer.spanBuilder(names.of(operation, request.model))
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parentOf(call))
            .setStartTimestamp(call.startEpochNanos(), TimeUnit.NANOSECONDS)
            .setAttribute(OPERATION_NAME, operation)
            .setAttribute(PROVIDER_NAME, endpoint.providerName())
            .setAttribute(SERVER_ADDRESS, endpoint.serverAddress())
            .setAttribute(SERVER_PORT, (long) endpoint.serverPort());
    put(builder, REQUEST_MODEL, request.model);
    put(builder, REQUEST_MAX_TOKENS, request.maxTokens);
    put(builder, REQUEST_TEMPERATURE, request.temperature);
    put(builder, REQUEST_TOP_P, request.topP);
    builder.setAttribute(REQUEST_STREAM, call.isStreaming());
    put(builder, RESPONSE_MODEL, response.model);
    put(builder, RESPONSE_ID, response.id);
    List<String> finishReasons = response.finishReasons();
    if (!finishReasons.isEmpty()) {
      builder.setAttribute(RESPONSE_FINISH_REASONS, finishReasons);
    }
    put(builder, USAGE_INPUT_TOKENS, response.inputTokens);
    put(builder, USAGE_OUTPUT_TOKENS, response.outputTokens);
    put(builder, USAGE_CACHE_READ_INPUT_TOKENS, response.cacheReadInputTokens);
    put(builder, USAGE_CACHE_CREATION_INPUT_TOKENS, response.cacheCreationInputTokens);
    put(builder, USAGE_REASONING_OUTPUT_TOKENS, response.reasoningOutputTokens);
    long ttfc = outcome.timeToFirstChunkNanos();
    if (ttfc >= 0) {
      builder.setAttribute(RESPONSE_TIME_TO_FIRST_CHUNK, ttfc / 1e9);
    }
    if (call.status() > 0) {
      builder.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) call.status());
    }
    if (outcome.end() == CallEnd.CANCELLED || outcome.end() == CallEnd.ABANDONED) {
      builder.setAttribute(CALL_END, outcome.end() == CallEnd.CANCELLED ? "cancelled" : "abandoned");
    }
    put(builder, ERROR_TYPE, errorType);
    put(builder, ERROR_CATEGORY, outcome.errorCategory());
    ResponseHead head = call.head();
    if (errorType != null && head != null) {
      put(builder, RETRY_AFTER, RateLimits.retryAfterSeconds(head));
    }
    put(builder, USAGE_COST, cost.usd());
    ContentAttributes.put(builder, call);
    AttributionTelemetry.putSpanAttributes(builder, call.attribution(), request.endUserId);

    Span span = builder.startSpan();
    if (errorType != null) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end(call.startEpochNanos() + outcome.durationNanos(), TimeUnit.NANOSECONDS);
  }

  private static Context parentOf(AiCall call) {
    String traceparent = call.traceparent();
    if (traceparent == null) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
  }

  private static <T> void put(SpanBuilder builder, AttributeKey<T> key, T value) {
    if (value != null) {
      builder.setAttribute(key, value);
    }
  }
}
