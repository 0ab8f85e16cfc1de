package io.aitap.agent.call;

import io.aitap.agent.protocol.ResponseFacts;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * {@code error.type} of a call, kept low-cardinality: the provider's error code or type when its
 * body names one, else the HTTP status code, else the exception class.
 */
final class ErrorTypes {

  private ErrorTypes() {}

  /** Returns null for a call that did not fail. */
  static String of(AiCall call) {
    ResponseFacts response = call.response();
    int status = call.status();
    boolean failed =
        status >= 400 || response.failedInBody || call.end() == CallEnd.FAILED || call.end() == CallEnd.CANCELLED;
    if (!failed) {
      return null;
    }
    if (response.errorCode != null) {
      return response.errorCode;
    }
    if (response.errorType != null) {
      return response.errorType;
    }
    if (status >= 400) {
      return Integer.toString(status);
    }
    if (call.end() == CallEnd.CANCELLED) {
      return "cancelled";
    }
    Throwable failure = rootOf(call.failure());
    return failure == null ? "_OTHER" : failure.getClass().getName();
  }

  private static Throwable rootOf(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
