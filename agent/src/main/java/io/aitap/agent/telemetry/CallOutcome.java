package io.aitap.agent.telemetry;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.protocol.RateLimits;
import io.aitap.agent.protocol.ResponseFacts;

/** What telemetry derives from a finished call once, for its span and its metrics alike. */
final class CallOutcome {

  /** error.type, or null for a call that did not fail. */
  final String errorType;
  final String errorCategory;
  /** The provider's head-room headers, or null when no response arrived. */
  final RateLimits limits;
  /** USD, or null: no usage, or no price for the model. */
  final Double costUsd;
  /** The call reported usage but its model has no price. */
  final boolean unpriced;

  private CallOutcome(AiCall call, CostCalculator costs) {
    errorType = ErrorTypes.of(call);
    errorCategory = errorType == null ? null : ErrorCategory.of(call, errorType);
    limits = call.head() == null ? null : RateLimits.of(call.head());
    ResponseFacts response = call.response();
    if (!response.hasUsage()) {
      costUsd = null;
      unpriced = false;
    } else if (response.reportedCostUsd != null) {
      costUsd = response.reportedCostUsd;
      unpriced = false;
    } else {
      String model = response.model != null ? response.model : call.request().model;
      costUsd = costs.costUsd(model, call.endpoint().serverAddress(), response);
      unpriced = costUsd == null;
    }
  }

  static CallOutcome of(AiCall call, CostCalculator costs) {
    return new CallOutcome(call, costs);
  }
}
