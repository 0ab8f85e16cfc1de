package io.aitap.agent.protocol;

import io.aitap.agent.capture.CallContent;

/**
 * What the request body said that telemetry needs. Filled while the client writes the body; the
 * body itself is never kept. A null field means the request did not say.
 */
public final class RequestFacts {
  public String model;
  public Boolean stream;
  /** OpenAI chat streams carry usage only when the request set {@code stream_options.include_usage}. */
  public Boolean includeUsage;
  public Long maxTokens;
  public Double temperature;
  public Double topP;
  /** Where the request's messages are captured; null when content capture is off for the call. */
  public CallContent content;
  /**
   * The application's id of its end user ({@code user}, {@code safety_identifier},
   * {@code metadata.user_id}): held only until the span records its keyed hash, never exported as is.
   */
  public String endUserId;
}
