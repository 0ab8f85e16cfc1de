package io.aitap.smoke;

/**
 * {@code error.type} of a failed call: the provider's error code when its body names one, else its
 * error type, else the HTTP status — the low-cardinality identifier the conventions ask for.
 * Successful calls have none.
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
}
