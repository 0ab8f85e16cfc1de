package io.aitap.agent.call;

import io.aitap.agent.cost.CallCost;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.ResponseFacts;
import java.time.Instant;

/**
 * What a call came to, decided once as it ends: whether it failed, its {@code error.type} and
 * category, its usage, its timings and what its cost is priced from. Spans, metrics and the exit
 * summary with its SLO lines all read this one answer, so they cannot disagree.
 */
public final class CallOutcome {

  private final CallEnd end;
  private final String errorType;
  private final String errorCategory;
  private final String provider;
  private final String operation;
  private final String serverAddress;
  private final String requestModel;
  private final String responseModel;
  private final ResponseFacts usage;
  private final Instant started;
  private final long durationNanos;
  private final long timeToFirstChunkNanos;

  private CallOutcome(AiCall call) {
    end = call.end();
    errorType = ErrorTypes.of(call);
    errorCategory = errorType == null ? null : ErrorCategory.of(call, errorType);
    provider = call.endpoint().providerName();
    operation = call.endpoint().protocol().operationName();
    serverAddress = call.endpoint().serverAddress();
    requestModel = call.request().model;
    responseModel = call.response().model;
    usage = call.response();
    started = Instant.ofEpochSecond(0, call.startEpochNanos());
    durationNanos = call.durationNanos();
    timeToFirstChunkNanos = call.timeToFirstChunkNanos();
  }

  /** For a call that has ended: its facts no longer change. */
  static CallOutcome of(AiCall call) {
    return new CallOutcome(call);
  }

  public CallEnd end() {
    return end;
  }

  /**
   * A status of 400 or more, an error inside a stream, a client or transport failure, or a cancel.
   * An abandoned call (the application stopped reading) is not a failure.
   */
  public boolean failed() {
    return errorType != null;
  }

  /** {@code error.type}: the provider's code or type, else the status, else the exception class; null when it did not fail. */
  public String errorType() {
    return errorType;
  }

  /** {@code aitap.error.category}, one vocabulary across providers; null when it did not fail. */
  public String errorCategory() {
    return errorCategory;
  }

  public String provider() {
    return provider;
  }

  public String operation() {
    return operation;
  }

  public String requestModel() {
    return requestModel;
  }

  /** The model asked for, else the one that answered; null when neither is known. */
  public String model() {
    return requestModel != null ? requestModel : responseModel;
  }

  public boolean hasUsage() {
    return usage.hasUsage();
  }

  /** Input tokens, cache reads and writes included; 0 when the response did not say. */
  public long inputTokens() {
    return usage.inputTokens == null ? 0 : usage.inputTokens;
  }

  /** Output tokens, reasoning included; 0 when the response did not say. */
  public long outputTokens() {
    return usage.outputTokens == null ? 0 : usage.outputTokens;
  }

  public long durationNanos() {
    return durationNanos;
  }

  /** From the start of the call to its first streamed output chunk, or -1. */
  public long timeToFirstChunkNanos() {
    return timeToFirstChunkNanos;
  }

  /**
   * What the call cost, by the one pricing rule: the model that answered (else the one asked for)
   * at the price it had when the call started. Waits for the prices until they are read, so an
   * application thread asks only once {@link CostCalculator#pricesRead()}.
   */
  public CallCost cost(CostCalculator costs) {
    return costs.costOf(responseModel != null ? responseModel : requestModel, serverAddress, usage, started);
  }
}
