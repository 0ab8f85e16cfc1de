package io.aitap.agent.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The head-room a provider reports in its response headers: OpenAI's and Azure's
 * {@code x-ratelimit-*}, Anthropic's {@code anthropic-ratelimit-*}, and {@code retry-after} (seconds
 * or an HTTP date) or {@code retry-after-ms} on throttled responses. Each is read from the head when
 * the telemetry asks for it, so a response without them costs nothing; null where a header is absent.
 */
public enum RateLimits {
  REMAINING_REQUESTS("x-ratelimit-remaining-requests", "anthropic-ratelimit-requests-remaining"),
  LIMIT_REQUESTS("x-ratelimit-limit-requests", "anthropic-ratelimit-requests-limit"),
  REMAINING_TOKENS("x-ratelimit-remaining-tokens", "anthropic-ratelimit-tokens-remaining"),
  LIMIT_TOKENS("x-ratelimit-limit-tokens", "anthropic-ratelimit-tokens-limit");

  private final String header;
  private final String anthropicHeader;

  RateLimits(String header, String anthropicHeader) {
    this.header = header;
    this.anthropicHeader = anthropicHeader;
  }

  /** The count {@code head} reports, or null. */
  public Long in(ResponseHead head) {
    Long value = number(head.header(header));
    return value != null ? value : number(head.header(anthropicHeader));
  }

  /** Seconds the provider asks the client to wait, or null. */
  public static Double retryAfterSeconds(ResponseHead head) {
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
}
