package io.aitap.agent.instrumentation.awssdk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS X-Ray's trace header, {@code X-Amzn-Trace-Id: Root=1-<8 hex>-<24 hex>;Parent=<16 hex>;Sampled=<0|1>},
 * which the AWS SDK's tracing (the OpenTelemetry Java agent's, X-Ray's own) sets on the SDK's
 * request with the SDK span's context. Read strictly; anything else is no context.
 */
final class XrayTraceHeader {

  static final String NAME = "X-Amzn-Trace-Id";

  private static final Pattern FIELDS =
      Pattern.compile("Root=1-([0-9a-f]{8})-([0-9a-f]{24});Parent=([0-9a-f]{16});Sampled=([01])(;.*)?");

  private XrayTraceHeader() {}

  /** The same context as a W3C {@code traceparent}, or null when {@code value} is none. */
  static String asTraceparent(String value) {
    Matcher matcher = FIELDS.matcher(value == null ? "" : value);
    return matcher.matches()
        ? "00-" + matcher.group(1) + matcher.group(2) + "-" + matcher.group(3) + "-0" + matcher.group(4)
        : null;
  }
}
