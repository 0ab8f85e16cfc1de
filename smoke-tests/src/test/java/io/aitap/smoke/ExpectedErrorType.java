package io.aitap.smoke;

import java.util.Locale;

/**
 * How a failed call's error is reported. {@code error.type}: the provider's error code when its
 * body names one, else its error type, else the HTTP status — the low-cardinality identifier the
 * conventions ask for. {@code aitap.error.category}: one of the README's categories, which for an
 * HTTP error follows from the status, unless the provider says it is out of quota or the key is
 * bad. Successful calls have neither.
 */
final class ExpectedErrorType {

  private ExpectedErrorType() {}

  static String of(Fixture fixture) {
    if (!fixture.isError()) {
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
    if (!fixture.isError()) {
      return null;
    }
    String type = String.valueOf(of(fixture)).toLowerCase(Locale.ROOT);
    if (type.contains("quota")) {
      return "quota_exceeded";
    }
    // Gemini answers a bad key with 400 API_KEY_INVALID
    if (type.contains("api_key")) {
      return "auth";
    }
    switch (fixture.status()) {
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
