package io.aitap.agent.call;

/** How a call ended. */
public enum CallEnd {
  /** The body was read to its end. */
  COMPLETED,
  /** The client or transport failed; {@link AiCall#failure()} says how. */
  FAILED,
  /** The application cancelled the exchange. */
  CANCELLED,
  /** The application closed or dropped the body before its end. */
  ABANDONED
}
