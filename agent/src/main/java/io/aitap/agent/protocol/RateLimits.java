package io.aitap.agent.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The head-room a provider reports in its response headers: OpenAI's and Azure's
 * {@code x-ratelimit-*}, Anthropic's {@code anthropic-ratelimit-*}, and {@code retry-after} (seconds
 * or an HTTP date) or {@code retry-after-ms} on throttled responses. Null where a header is absent.
 */
public final class RateLimits {

  public final Long remainingRequests;
  public final Long limitRequests;
  public final Long remainingTokens;
  public final Long limitTokens;
  public final Double retryAfterSeconds;

  /** What a response without any of these headers reports: one shared instance, nothing to allocate. */
  private static final RateLimits NONE = new RateLimits(null, null, null, null, null);

  private RateLimits(
      Long remainingRequests, Long limitRequests, Long remainingTokens, Long limitTokens, Double retryAfterSeconds) {
    this.remainingRequests = remainingRequests;
    this.limitRequests = limitRequests;
    this.remainingTokens = remainingTokens;
    this.limitTokens = limitTokens;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static RateLimits of(ResponseHead head) {
    Long remainingRequests = first(head, "x-ratelimit-remaining-requests", "anthropic-ratelimit-requests-remaining");
    Long limitRequests = first(head, "x-ratelimit-limit-requests", "anthropic-ratelimit-requests-limit");
    Long remainingTokens = first(head, "x-ratelimit-remaining-tokens", "anthropic-ratelimit-tokens-remaining");
    Long limitTokens = first(head, "x-ratelimit-limit-tokens", "anthropic-ratelimit-tokens-limit");
    Double retryAfterSeconds = retryAfter(head);
    if (remainingRequests == null && limitRequests == null && remainingTokens == null && limitTokens == null
        && retryAfterSeconds == null) {
      return NONE;
    }
    return new RateLimits(remainingRequests, limitRequests, remainingTokens, limitTokens, retryAfterSeconds);
  }

  private static Long first(ResponseHead head, String name, String alternative) {
    Long value = number(head.header(name));
    return value != null ? value : number(head.header(alternative));
  }

  private static Long number(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double retryAfter(ResponseHead head) {
    Long millis = number(head.header("retry-after-ms"));
    if (millis != null) {
      return millis / 1000.0;
    }
    String value = head.header("retry-after");
    if (value == null) {
      return null;
    }
    try {
      return Double.valueOf(value.trim());
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Math.max(0, Duration.between(Instant.now(), at).toMillis() / 1000.0);
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
