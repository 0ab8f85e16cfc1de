package io.aitap.smoke.replay;

import java.util.Map;

/**
 * How a failed call's error is reported. {@code error.type}: the provider's error code when its
 * body names one, else its error type, else the HTTP status — the low-cardinality identifier the
 * conventions ask for. {@code aitap.error.category}: one of the README's categories, which for an
 * HTTP error follows from the status, unless the provider's error says more: that it is out of
 * quota, or what went wrong when the status says nothing (a failure inside a stream that began with
 * 200) or says less (a 400 for a bad API key). Successful calls have neither.
 */
final class ExpectedErrorType {

  /** Categories of the provider errors in the fixtures whose status alone would not tell them. */
  private static final Map<String, String> CATEGORY_BY_PROVIDER_ERROR = Map.of(
      // Gemini answers an invalid key with 400 INVALID_ARGUMENT and this reason
      "API_KEY_INVALID", "auth",
      // an Anthropic stream cut short by an error event
      "overloaded_error", "overloaded",
      // a Responses stream ending in response.failed
      "server_error", "server_error");

  /** The README's category of each status that has one of its own; other 5xx are server errors, 4xx invalid requests. */
  private static final Map<Integer, String> CATEGORY_BY_STATUS = Map.of(
      // an error inside a stream that names nothing the categories know (Ollama's {"error": "…"} line)
      200, "other",
      401, "auth",
      403, "auth",
      402, "quota_exceeded",
      408, "timeout",
      504, "timeout",
      413, "context_length",
      429, "rate_limited",
      503, "overloaded",
      529, "overloaded");

  private ExpectedErrorType() {}

  static String of(Fixture fixture) {
    if (!fixture.failed()) {
      return null;
    }
    if (fixture.errorCode() != null) {
      return fixture.errorCode();
    }
    if (fixture.errorType() != null) {
      return fixture.errorType();
    }
    return Integer.toString(fixture.status());
  }

  static String category(Fixture fixture) {
    String errorType = of(fixture);
    if (errorType == null) {
      return null;
    }
    if (errorType.contains("quota")) {
      return "quota_exceeded";
    }
    String named = CATEGORY_BY_PROVIDER_ERROR.get(errorType);
    if (named != null) {
      return named;
    }
    int status = fixture.status();
    return CATEGORY_BY_STATUS.getOrDefault(status, status >= 500 ? "server_error" : "invalid_request");
  }
}
