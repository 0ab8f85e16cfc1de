package io.aitap.smoke.clients.sdk;

import io.aitap.smoke.clients.PlannedCall;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The loop every SDK program shares: read the plan, make each call through the SDK in order, print
 * its outcome. An exception the SDK throws is an outcome too: its class and, as the SDK tells it,
 * the HTTP status.
 */
public final class SdkRunner {

  /** Makes one call the way its operation says and returns what the SDK handed back. */
  public interface Caller {
    SdkOutcome call(SdkCall call) throws Exception;
  }

  /** The HTTP status an SDK exception carries, or null when it has none. */
  public interface StatusOf {
    Integer status(Throwable failure);
  }

  private SdkRunner() {}

  public static void run(String[] args, Caller caller, StatusOf statusOf) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: <program> <plan file>");
    }
    List<PlannedCall> plan = PlannedCall.readPlan(Paths.get(args[0]));
    for (PlannedCall planned : plan) {
      String outcome;
      try {
        outcome = SdkOutcome.OK + " " + caller.call(new SdkCall(planned)).describe();
      } catch (Exception e) {
        Throwable failure = unwrapped(e);
        outcome = SdkOutcome.FAILED + " " + failure.getClass().getName() + " status=" + statusOf.status(failure);
      }
      System.out.println(SdkOutcome.line(planned.id(), outcome));
    }
    System.out.flush();
  }

  /** The SDK's own exception, not the wrapper an async API or a stream put around it. */
  private static Throwable unwrapped(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
