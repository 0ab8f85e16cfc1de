package io.aitap.agent.telemetry;

import static io.aitap.agent.telemetry.GenAiAttributes.OPERATION_NAME;
import static io.aitap.agent.telemetry.GenAiAttributes.PRICING_LIST;
import static io.aitap.agent.telemetry.GenAiAttributes.PROVIDER_NAME;
import static io.aitap.agent.telemetry.GenAiAttributes.REQUEST_MODEL;
import static io.aitap.agent.telemetry.GenAiAttributes.SERVER_ADDRESS;
import static io.aitap.agent.telemetry.GenAiAttributes.SERVER_PORT;

import io.aitap.agent.attribution.AttributionTelemetry;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallOutcome;
import io.aitap.agent.cost.CallCost;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.RateLimits;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.telemetry.MetricAttributeSets.Variant;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The GenAI client metrics, with the conventions' bucket boundaries. Attributes stay
 * low-cardinality: operation, provider, models, server, error type — never ids or content.
 */
final class CallMetrics {

  static final List<Long> TOKEN_BUCKETS =
      Arrays.asList(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L, 4194304L,
          16777216L, 67108864L);
  static final List<Double> TIME_PER_OUTPUT_CHUNK_BUCKETS =
      Arrays.asList(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5);

  private static final double NANOS_PER_SECOND = 1e9;

  private final DoubleHistogram duration;
  private final LongHistogram tokenUsage;
  private final DoubleHistogram timeToFirstChunk;
  private final DoubleHistogram timePerOutputChunk;
  private final LongCounter tokenDetails;
  private final LongCounter missingUsage;
  private final DoubleHistogram cost;
  private final LongCounter unpricedCalls;
  private final LongGauge rateLimitRemaining;
  private final LongGauge rateLimitLimit;
  private final AttributionTelemetry attribution;
  private final MetricAttributeSets attributeSets = new MetricAttributeSets();

  CallMetrics(Meter meter, CostCalculator costs) {
    attribution = new AttributionTelemetry(meter);
    duration = histogram(meter, "gen_ai.client.operation.duration", "s", HistogramBuckets.DURATION_SECONDS,
        "GenAI operation duration.");
    tokenUsage =
        meter.histogramBuilder("gen_ai.client.token.usage")
            .ofLongs()
            .setDescription("Number of input and output tokens used.")
            .setUnit("{token}")
            .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS)
            .build();
    timeToFirstChunk = histogram(meter, "gen_ai.client.operation.time_to_first_chunk", "s",
        HistogramBuckets.TIME_TO_FIRST_CHUNK_SECONDS,
        "Time from issuing a streaming request to receiving the first output chunk.");
    timePerOutputChunk = histogram(meter, "gen_ai.client.operation.time_per_output_chunk", "s",
        TIME_PER_OUTPUT_CHUNK_BUCKETS, "Time between consecutive output chunks of a streaming response.");
    tokenDetails = counter(meter, "aitap.client.token.details", "{token}",
        "Tokens that are part of input or output: cache reads, cache writes, reasoning.");
    missingUsage = counter(meter, "aitap.usage.missing_calls", "{call}",
        "Successful calls whose response reported no token usage.");
    cost = histogram(meter, "gen_ai.usage.cost", "USD", CostCalculator.COST_BUCKETS,
        "What a call cost: the provider's own figure, or tokens at the price list's prices.");
    unpricedCalls = counter(meter, "aitap.cost.unpriced_calls", "{call}",
        "Calls with usage whose model has no price, so their cost is unknown rather than zero.");
    rateLimitRemaining = gauge(meter, "aitap.ratelimit.remaining",
        "Requests or tokens the provider says are left in the current rate-limit window.");
    rateLimitLimit = gauge(meter, "aitap.ratelimit.limit", "The provider's rate limit for requests or tokens per window.");
    meter.gaugeBuilder("aitap.pricing.list_age")
        .setDescription("Days since the price list in use was published; prices drift, so an old list misprices calls.")
        .setUnit("d")
        .buildWithCallback(gauge -> {
          Double days = costs.listAgeDays(Instant.now());
          if (days != null) {
            gauge.record(days, Attributes.of(PRICING_LIST, costs.listSource()));
          }
        });
  }

  private static DoubleHistogram histogram(Meter meter, String name, String unit, List<Double> buckets, String description) {
    return meter.histogramBuilder(name)
        .setDescription(description)
        .setUnit(unit)
        .setExplicitBucketBoundariesAdvice(buckets)
        .build();
  }

  private static LongCounter counter(Meter meter, String name, String unit, String description) {
    return meter.counterBuilder(name).setDescription(description).setUnit(unit).build();
  }

  /** Unitless: requests or tokens, as the gauge's {@code aitap.ratelimit.kind} says. */
  private static LongGauge gauge(Meter meter, String name, String description) {
    return meter.gaugeBuilder(name).ofLongs().setDescription(description).build();
  }

  void record(AiCall call, CallOutcome outcome, CallCost callCost) {
    ResponseFacts response = call.response();
    String errorType = outcome.errorType();
    MetricAttributeSets.Sets sets = attributeSets.of(call, response.model, errorType, outcome.errorCategory());
    Attributes attributes = sets.attributes;
    attribution.countFolded(call.attribution());
    ResponseHead head = call.head();
    if (head != null) {
      recordRateLimits(call, head);
    }
    if (callCost.usd() != null) {
      cost.record(callCost.usd(), attributes);
    } else if (callCost.unpriced()) {
      unpricedCalls.add(1, attributes);
    }

    duration.record(outcome.durationNanos() / NANOS_PER_SECOND, attributes);
    long ttfc = outcome.timeToFirstChunkNanos();
    if (ttfc >= 0 && call.isStreaming()) {
      timeToFirstChunk.record(ttfc / NANOS_PER_SECOND, attributes);
    }
    if (outcome.hasUsage()) {
      recordTokens(response.inputTokens, sets, Variant.INPUT);
      recordTokens(response.outputTokens, sets, Variant.OUTPUT);
      recordDetail(response.cacheReadInputTokens, sets, Variant.CACHE_READ);
      recordDetail(response.cacheCreationInputTokens, sets, Variant.CACHE_CREATION);
      recordDetail(response.reasoningOutputTokens, sets, Variant.REASONING);
    } else if (errorType == null) {
      missingUsage.add(1, attributes);
    }
  }

  /** Chunk gaps are recorded as they happen, when only the request side of the call is known. */
  void recordChunkGap(AiCall call, long gapNanos) {
    timePerOutputChunk.record(gapNanos / NANOS_PER_SECOND, requestSets(call).attributes);
  }

  /** Per provider, endpoint and model: the head-room left before the 429s start. */
  private void recordRateLimits(AiCall call, ResponseHead head) {
    MetricAttributeSets.Sets sets = requestSets(call);
    recordLimit(sets, Variant.REQUESTS, RateLimits.REMAINING_REQUESTS.in(head), RateLimits.LIMIT_REQUESTS.in(head));
    recordLimit(sets, Variant.TOKENS, RateLimits.REMAINING_TOKENS.in(head), RateLimits.LIMIT_TOKENS.in(head));
  }

  /** Most providers send no rate-limit headers: no attributes are looked up for them. */
  private void recordLimit(MetricAttributeSets.Sets sets, Variant kind, Long remaining, Long limit) {
    if (remaining == null && limit == null) {
      return;
    }
    Attributes attributes = sets.with(kind);
    recordGauge(rateLimitRemaining, remaining, attributes);
    recordGauge(rateLimitLimit, limit, attributes);
  }

  private static void recordGauge(LongGauge gauge, Long value, Attributes attributes) {
    if (value != null) {
      gauge.set(value, attributes);
    }
  }

  private void recordTokens(Long tokens, MetricAttributeSets.Sets sets, Variant type) {
    if (tokens != null) {
      tokenUsage.record(tokens, sets.with(type));
    }
  }

  private void recordDetail(Long tokens, MetricAttributeSets.Sets sets, Variant kind) {
    if (tokens != null && tokens > 0) {
      tokenDetails.add(tokens, sets.with(kind));
    }
  }

  /**
   * The sets of the request's side, looked up once per call: a stream records one chunk gap per
   * event. Its request has been read by its first chunk, and is read through by its end.
   */
  private MetricAttributeSets.Sets requestSets(AiCall call) {
    Object known = call.sinkState();
    if (known instanceof MetricAttributeSets.Sets) {
      return (MetricAttributeSets.Sets) known;
    }
    MetricAttributeSets.Sets sets = attributeSets.ofRequest(call);
    call.sinkState(sets);
    return sets;
  }
}
