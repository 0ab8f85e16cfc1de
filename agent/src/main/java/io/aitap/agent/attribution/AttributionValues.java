package io.aitap.agent.attribution;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an attribution value may be: trimmed, at most {@link #MAX_LENGTH} characters, no control
 * characters, and nothing that looks like a credential. A service may put a token in a header by
 * mistake, or a baggage entry may carry one; aitap would rather lose the value than export a secret.
 */
final class AttributionValues {

  static final int MAX_LENGTH = 64;

  /** Prefixes of provider, cloud and code-host keys; with {@link #MIN_PREFIXED_SECRET} characters or more. */
  private static final String[] SECRET_PREFIXES = {
    "sk-", "sk_", "rk_", "pk_", "ak-", "xai-", "gsk_", "hf_", "ghp_", "gho_", "ghs_", "ghu_", "github_pat_",
    "glpat-", "xoxb-", "xoxp-", "xoxa-", "akia", "asia", "aiza", "ya29."
  };
  private static final int MIN_PREFIXED_SECRET = 16;
  /** An authorization scheme followed by its credentials. */
  private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(bearer|basic|token|apikey|api-key)\\s+\\S+");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.?[A-Za-z0-9_-]*");
  /** A long run of key characters with letters and digits mixed: what random keys look like. */
  private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9+/=_.-]{32,}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private AttributionValues() {}

  /** The value as recorded, or null when there is none to record. */
  static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String value = raw.trim();
    if (value.isEmpty() || looksSecret(value)) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return null;
      }
    }
    if (value.length() > MAX_LENGTH) {
      int end = Character.isHighSurrogate(value.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
      value = value.substring(0, end);
    }
    return value;
  }

  static boolean looksSecret(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (value.length() >= MIN_PREFIXED_SECRET) {
      for (String prefix : SECRET_PREFIXES) {
        if (lower.startsWith(prefix)) {
          return true;
        }
      }
    }
    if (AUTH_SCHEME.matcher(value).matches() || JWT.matcher(value).matches()) {
      return true;
    }
    return OPAQUE.matcher(value).matches() && !UUID.matcher(value).matches() && hasLetterAndDigit(value);
  }

  private static boolean hasLetterAndDigit(String value) {
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }
}
