package io.aitap.agent.cost;

import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** genai-prices' match logic for model ids (and providers): a clause, or {@code and}/{@code or} of clauses. */
interface MatchRule {

  /** {@code id} is in lower case. */
  boolean matches(String id);

  /** Writes a rule of a price list's JSON in the compact form {@link #read} reads. */
  @SuppressWarnings("unchecked")
  static void compile(Object json, DataOutput out) throws IOException {
    if (!(json instanceof Map)) {
      throw new IllegalArgumentException("a match rule is an object, not " + json);
    }
    Map<String, Object> clause = (Map<String, Object>) json;
    if (clause.size() != 1) {
      throw new IllegalArgumentException("a match rule has one clause: " + clause.keySet());
    }
    Map.Entry<String, Object> only = clause.entrySet().iterator().next();
    CompiledInput.writeText(out, only.getKey());
    switch (only.getKey()) {
      case "equals":
      case "starts_with":
      case "ends_with":
      case "contains":
        // model ids are compared in lower case, as genai-prices compares them
        CompiledInput.writeText(out, ((String) only.getValue()).toLowerCase(Locale.ROOT));
        break;
      case "regex":
        CompiledInput.writeText(out, (String) only.getValue());
        break;
      case "or":
      case "and":
        List<Object> clauses = (List<Object>) only.getValue();
        CompiledInput.writeCount(out, clauses.size());
        for (Object each : clauses) {
          compile(each, out);
        }
        break;
      default:
        throw new IllegalArgumentException("unknown match clause " + only.getKey());
    }
  }

  /** Reads a rule {@link #compile} wrote. */
  static MatchRule read(CompiledInput in) {
    String kind = in.text();
    switch (kind) {
      case "equals":
        return in.text()::equals;
      case "starts_with":
        String prefix = in.text();
        return id -> id.startsWith(prefix);
      case "ends_with":
        String suffix = in.text();
        return id -> id.endsWith(suffix);
      case "contains":
        String part = in.text();
        return id -> id.contains(part);
      case "regex":
        // matched against the lower-case id as written, as genai-prices does
        Pattern pattern = Pattern.compile(in.text());
        return id -> pattern.matcher(id).find();
      case "or":
        MatchRule[] any = readAll(in);
        return id -> {
          for (MatchRule rule : any) {
            if (rule.matches(id)) {
              return true;
            }
          }
          return false;
        };
      case "and":
        MatchRule[] every = readAll(in);
        return id -> {
          for (MatchRule rule : every) {
            if (!rule.matches(id)) {
              return false;
            }
          }
          return true;
        };
      default:
        throw new IllegalArgumentException("unknown match clause " + kind);
    }
  }

  private static MatchRule[] readAll(CompiledInput in) {
    MatchRule[] rules = new MatchRule[in.unsignedShort()];
    for (int i = 0; i < rules.length; i++) {
      rules[i] = read(in);
    }
    return rules;
  }
}
