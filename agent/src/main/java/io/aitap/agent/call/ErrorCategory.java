package io.aitap.agent.call;

import java.util.Locale;

/**
 * One normalised category per failed call, so a dashboard or alert can ask "how many 429s" or "how
 * many timeouts" across providers whose error types all differ. The provider's code or type decides
 * first, then an error status, then the exception.
 */
final class ErrorCategory {

  private ErrorCategory() {}

  /** The category of a failed call's {@code errorType}; never null. */
  static String of(AiCall call, String errorType) {
    if (call.end() == CallEnd.CANCELLED) {
      return "cancelled";
    }
    String fromProvider = fromProviderType(call.response().errorCode);
    if (fromProvider == null) {
      fromProvider = fromProviderType(call.response().errorType);
    }
    if (fromProvider != null) {
      return fromProvider;
    }
    // After a success status the call can still fail mid-stream: then the exception says why.
    int status = call.status();
    if (status >= 400) {
      return fromStatus(status);
    }
    return fromException(errorType);
  }

  static String fromProviderType(String type) {
    if (type == null) {
      return null;
    }
    String t = type.toLowerCase(Locale.ROOT);
    if (t.contains("quota") || t.contains("billing") || t.equals("payment_required")) {
      return "quota_exceeded";
    }
    if (t.contains("rate_limit") || t.contains("throttl") || t.equals("resource_exhausted") || t.equals("too_many_requests")) {
      return "rate_limited";
    }
    if (t.contains("overloaded") || t.equals("serviceunavailableexception") || t.equals("unavailable")) {
      return "overloaded";
    }
    if (t.contains("context_length") || t.contains("context_window") || t.contains("too_long")) {
      return "context_length";
    }
    if (t.contains("content_filter") || t.contains("content_policy") || t.contains("responsibleaipolicy")
        || t.contains("safety")) {
      return "content_filter";
    }
    if (t.contains("api_key") || t.contains("authentication") || t.contains("permission")
        || t.contains("unauthenticated") || t.contains("accessdenied") || t.contains("unrecognizedclient")
        || t.equals("unauthorized") || t.equals("forbidden")) {
      return "auth";
    }
    if (t.contains("timeout") || t.equals("deadline_exceeded")) {
      return "timeout";
    }
    if (t.contains("invalid") || t.contains("validation") || t.contains("not_found") || t.equals("bad_request")
        || t.equals("failed_precondition") || t.equals("unprocessable_entity")) {
      return "invalid_request";
    }
    if (t.contains("server_error") || t.equals("api_error") || t.equals("internal")
        || t.contains("internalserver") || t.contains("modelerror")) {
      return "server_error";
    }
    return null;
  }

  private static String fromStatus(int status) {
    switch (status) {
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
        return status >= 500 ? "server_error" : status >= 400 ? "invalid_request" : "other";
    }
  }

  private static String fromException(String exceptionClass) {
    if (exceptionClass == null) {
      return "other";
    }
    if (exceptionClass.contains("Timeout")) {
      return "timeout";
    }
    if (exceptionClass.startsWith("java.net.") || exceptionClass.startsWith("javax.net.ssl.")
        || exceptionClass.endsWith("EOFException") || exceptionClass.contains("ClosedChannel")
        || exceptionClass.contains("Connect")) {
      return "connection";
    }
    return "other";
  }
}
