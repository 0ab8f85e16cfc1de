package io.aitap.agent.attribution;

import io.aitap.agent.protocol.PercentDecoding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the entries aitap was asked for out of W3C {@code baggage} header values
 * (https://www.w3.org/TR/baggage/): comma-separated {@code key=value} members with optional
 * whitespace around every part, properties after {@code ;} ignored, values percent-decoded as
 * UTF-8. A malformed member is skipped and the others still count, as OpenTelemetry's propagator
 * does; so is everything past the specification's limits, so a huge header costs bounded work.
 */
final class Baggage {

  /** The specification's limits: a propagator need not read more. */
  static final int MAX_BYTES = 8192;
  static final int MAX_MEMBERS = 180;

  private Baggage() {}

  /** The wanted entries, by key; a key given more than once takes its last value, as OpenTelemetry's does. */
  static Map<String, String> entries(Iterable<String> headerValues, Set<String> wanted) {
    Map<String, String> found = new LinkedHashMap<>();
    int budget = MAX_BYTES;
    int members = 0;
    for (String header : headerValues) {
      if (header == null) {
        continue;
      }
      String text = header;
      if (text.length() > budget) {
        // past the limit a member may be cut short: the ones before the last comma are whole
        int cut = text.lastIndexOf(',', budget);
        text = cut < 0 ? "" : text.substring(0, cut);
        budget = 0;
      } else {
        budget -= text.length();
      }
      int start = 0;
      while (start <= text.length() && members < MAX_MEMBERS) {
        int comma = text.indexOf(',', start);
        int end = comma < 0 ? text.length() : comma;
        if (member(text.substring(start, end), wanted, found)) {
          members++;
        }
        if (comma < 0) {
          break;
        }
        start = comma + 1;
      }
      if (budget <= 0) {
        break;
      }
    }
    return found;
  }

  /** Returns whether {@code member} was a list member at all (empty ones between commas are not). */
  private static boolean member(String member, Set<String> wanted, Map<String, String> found) {
    int semicolon = member.indexOf(';');
    String keyValue = semicolon < 0 ? member : member.substring(0, semicolon);
    if (keyValue.isBlank()) {
      return false;
    }
    int equals = keyValue.indexOf('=');
    if (equals < 0) {
      return true;
    }
    String key = keyValue.substring(0, equals).trim();
    if (!isToken(key) || !wanted.contains(key)) {
      return true;
    }
    String value = PercentDecoding.strict(keyValue.substring(equals + 1).trim());
    if (value != null) {
      found.put(key, value);
    }
    return true;
  }

  /** RFC 7230 token characters, which a baggage key must consist of. */
  private static boolean isToken(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
