package io.aitap.agent.capture;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets and personal data in captured text before it leaves the process: API keys and
 * bearer tokens, e-mail addresses, card numbers (only digit runs that pass the Luhn check), phone
 * numbers, and whatever {@code aitap.capture.redact} matches. Each is replaced by a bracketed
 * name of what was there, so that the exchange still reads.
 */
final class Redactor {

  private static final class Rule {
    final Pattern pattern;
    final String replacement;
    final boolean luhn;

    Rule(String regex, String replacement, boolean luhn) {
      this(Pattern.compile(regex), replacement, luhn);
    }

    Rule(Pattern pattern, String replacement, boolean luhn) {
      this.pattern = pattern;
      this.replacement = replacement;
      this.luhn = luhn;
    }
  }

  /** Compiled by the first text redacted: with content capture off, as by default, never. */
  private static final class BuiltIn {
    static final List<Rule> RULES = List.of(
        new Rule("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}", "[redacted:bearer]", false),
        // OpenAI and Anthropic (sk-, sk-proj-, sk-ant-), Google (AIza), AWS access key ids,
        // GitHub, Slack, Hugging Face, and key=/token= assignments
        new Rule("\\b(?:sk|rk|pk)-[A-Za-z0-9_-]{16,}"
            + "|\\bAIza[0-9A-Za-z_-]{30,}"
            + "|\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"
            + "|\\bgh[pousr]_[A-Za-z0-9]{30,}"
            + "|\\bxox[abprs]-[A-Za-z0-9-]{10,}"
            + "|\\bhf_[A-Za-z0-9]{30,}"
            + "|(?i)(?<=\\b(?:api[_-]?key|access[_-]?token|secret|password)[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?)"
            + "[^\\s\"',;]{8,}",
            "[redacted:key]", false),
        new Rule("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", "[redacted:email]", false),
        new Rule("(?<![\\d.])\\d(?:[ -]?\\d){12,18}(?![\\d.])", "[redacted:card]", true),
        new Rule("(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,4}[ .-])\\d{3,4}[ .-]\\d{3,5}(?![\\w])"
            + "|(?<![\\w+])\\+\\d{8,15}(?!\\w)",
            "[redacted:phone]", false));
  }

  private final Rule user;

  /** The built-in rules, then {@code user} (or none). */
  Redactor(Pattern user) {
    this.user = user == null ? null : new Rule(user, "[redacted]", false);
  }

  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Rule rule : BuiltIn.RULES) {
      result = apply(rule, result);
    }
    return user == null ? result : apply(user, result);
  }

  private static String apply(Rule rule, String text) {
    Matcher matcher = rule.pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      if (matcher.end() == matcher.start() || (rule.luhn && !passesLuhn(matcher.group()))) {
        continue;
      }
      out.append(text, last, matcher.start()).append(rule.replacement);
      last = matcher.end();
    } while (matcher.find());
    return out.append(text, last, text.length()).toString();
  }

  static boolean passesLuhn(String candidate) {
    int sum = 0;
    int digits = 0;
    for (int i = candidate.length() - 1; i >= 0; i--) {
      char c = candidate.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int digit = c - '0';
      if (digits++ % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return digits >= 13 && sum % 10 == 0;
  }
}
