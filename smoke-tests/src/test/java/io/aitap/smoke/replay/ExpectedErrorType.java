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
    switch (fixture.status()) {
      case 200:
        // an error inside a stream that names nothing the categories know (Ollama's {"error": "…"} line)
        return "other";
      case 401:
      case 403:
        return "auth";
      case 402:
        return "quota_exceeded";
      case 408:
      case 504:
        return "timeout";
      case 413:
        return "context_length";
      case 429:
        return "rate_limited";
      case 503:
      case 529:
        return "overloaded";
      default:
        return fixture.status() >= 500 ? "server_error" : "invalid_request";
    }
  }
}
