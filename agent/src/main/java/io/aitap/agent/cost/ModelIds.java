package io.aitap.agent.cost;

import java.util.Locale;

/**
 * Model ids as they arrive, reduced to the name a price list uses: {@code openai/gpt-4o} (OpenRouter)
 * is {@code gpt-4o}; {@code us.anthropic.claude-sonnet-4-20250514-v1:0} (a Bedrock inference
 * profile) is {@code claude-sonnet-4-20250514}; {@code claude-sonnet-4-5@20250929} (Vertex AI) is
 * {@code claude-sonnet-4-5-20250929}. Dated snapshots lose their date in {@link #undated}.
 */
final class ModelIds {

  private static final String[] BEDROCK_REGIONS = {"us.", "eu.", "apac.", "global.", "us-gov.", "jp.", "au."};
  private static final String[] BEDROCK_VENDORS = {
    "anthropic.", "amazon.", "meta.", "mistral.", "cohere.", "ai21.", "deepseek.", "openai.", "qwen.", "writer."
  };

  private ModelIds() {}

  static String normalised(String model) {
    String id = model.trim().toLowerCase(Locale.ROOT);
    id = id.substring(id.lastIndexOf('/') + 1);
    id = stripPrefix(id, BEDROCK_REGIONS);
    id = stripPrefix(id, BEDROCK_VENDORS);
    id = stripBedrockVersion(id);
    return id.replace('@', '-');
  }

  /**
   * Without a trailing date ({@code -2024-07-18}, {@code -20250929}, {@code -0709}) or Vertex AI's
   * stable version ({@code gemini-2.0-flash-001}).
   */
  static String undated(String id) {
    String[] parts = id.split("-");
    int keep = parts.length;
    if (keep >= 2 && isDigits(parts[keep - 1], 3) && parts[keep - 1].startsWith("00")) {
      keep -= 1;
    } else if (keep >= 4 && isDigits(parts[keep - 3], 4) && isDigits(parts[keep - 2], 2) && isDigits(parts[keep - 1], 2)) {
      keep -= 3;
    } else if (keep >= 2 && (isDigits(parts[keep - 1], 8) || isDigits(parts[keep - 1], 4))) {
      keep -= 1;
    }
    return String.join("-", java.util.Arrays.copyOf(parts, keep));
  }

  private static String stripPrefix(String id, String[] prefixes) {
    for (String prefix : prefixes) {
      if (id.startsWith(prefix) && id.length() > prefix.length()) {
        return id.substring(prefix.length());
      }
    }
    return id;
  }

  /** {@code -v1:0}, {@code -v2}, {@code :0} at the end of a Bedrock model id. */
  private static String stripBedrockVersion(String id) {
    int colon = id.lastIndexOf(':');
    String base = colon > 0 && isDigits(id.substring(colon + 1), -1) ? id.substring(0, colon) : id;
    int dash = base.lastIndexOf("-v");
    if (dash > 0 && isDigits(base.substring(dash + 2), -1)) {
      return base.substring(0, dash);
    }
    return base;
  }

  private static boolean isDigits(String text, int length) {
    if (text.isEmpty() || (length >= 0 && text.length() != length)) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
