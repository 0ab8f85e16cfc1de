package io.aitap.agent.cost;

/** What one call cost: USD, or unknown because its model has no price; nothing for a call without usage. */
public final class CallCost {

  /** A call that reported no usage: there is nothing to price. */
  public static final CallCost NONE = new CallCost(null, false);
  /** A call with usage whose model has no price: its cost is unknown, not zero. */
  public static final CallCost UNPRICED = new CallCost(null, true);

  private final Double usd;
  private final boolean unpriced;

  private CallCost(Double usd, boolean unpriced) {
    this.usd = usd;
    this.unpriced = unpriced;
  }

  static CallCost usd(double usd) {
    return new CallCost(usd, false);
  }

  /** USD, or null: no usage, or no price. */
  public Double usd() {
    return usd;
  }

  public boolean unpriced() {
    return unpriced;
  }
}
