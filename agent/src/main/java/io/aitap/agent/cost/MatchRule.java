package io.aitap.agent.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** genai-prices' match logic for model ids (and providers): a clause, or {@code and}/{@code or} of clauses. */
interface MatchRule {

  /** {@code id} is in lower case. */
  boolean matches(String id);

  @SuppressWarnings("unchecked")
  static MatchRule of(Object json) {
    if (!(json instanceof Map)) {
      throw new IllegalArgumentException("a match rule is an object, not " + json);
    }
    Map<String, Object> clause = (Map<String, Object>) json;
    if (clause.size() != 1) {
      throw new IllegalArgumentException("a match rule has one clause: " + clause.keySet());
    }
    Map.Entry<String, Object> only = clause.entrySet().iterator().next();
    Object value = only.getValue();
    switch (only.getKey()) {
      case "equals":
        return text(value)::equals;
      case "starts_with":
        String prefix = text(value);
        return id -> id.startsWith(prefix);
      case "ends_with":
        String suffix = text(value);
        return id -> id.endsWith(suffix);
      case "contains":
        String part = text(value);
        return id -> id.contains(part);
      case "regex":
        // matched against the lower-case id as written, as genai-prices does
        Pattern pattern = Pattern.compile((String) value);
        return id -> pattern.matcher(id).find();
      case "or":
        List<MatchRule> any = all((List<Object>) value);
        return id -> any.stream().anyMatch(rule -> rule.matches(id));
      case "and":
        List<MatchRule> every = all((List<Object>) value);
        return id -> every.stream().allMatch(rule -> rule.matches(id));
      default:
        throw new IllegalArgumentException("unknown match clause " + only.getKey());
    }
  }

  private static List<MatchRule> all(List<Object> clauses) {
    List<MatchRule> rules = new ArrayList<>(clauses.size());
    for (Object clause : clauses) {
      rules.add(of(clause));
    }
    return rules;
  }

  /** Model ids are compared in lower case, as genai-prices compares them. */
  private static String text(Object value) {
    return ((String) value).toLowerCase(java.util.Locale.ROOT);
  }
}
