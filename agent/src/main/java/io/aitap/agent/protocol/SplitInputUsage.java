package io.aitap.agent.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.json.JsonValues;
import java.io.IOException;

/**
 * Usage as Anthropic and Bedrock report it: input tokens that exclude cache reads and writes. Keeps
 * the three parts as they arrive (a stream may send them in different events) and writes their sum
 * as the normalised input, so dashboards compare like with like across providers. Each provider names
 * the four counts its own way.
 */
public final class SplitInputUsage {

  private final ResponseFacts response;
  private final String uncachedInputField;
  private final String cacheReadField;
  private final String cacheWriteField;
  private final String outputField;
  private Long uncachedInput;

  public SplitInputUsage(ResponseFacts response, String uncachedInputField, String cacheReadField,
      String cacheWriteField, String outputField) {
    this.response = response;
    this.uncachedInputField = uncachedInputField;
    this.cacheReadField = cacheReadField;
    this.cacheWriteField = cacheWriteField;
    this.outputField = outputField;
  }

  /** A field of the usage object: a count it names replaces the one before; null and other fields change nothing. */
  public void read(String field, JsonToken token, JsonParser parser) throws IOException {
    boolean count = field.equals(uncachedInputField) || field.equals(cacheReadField)
        || field.equals(cacheWriteField) || field.equals(outputField);
    Long tokens = count ? JsonValues.asLong(token, parser) : null;
    if (tokens == null) {
      return;
    }
    if (field.equals(outputField)) {
      response.outputTokens = tokens;
      return;
    }
    if (field.equals(uncachedInputField)) {
      uncachedInput = tokens;
    } else if (field.equals(cacheReadField)) {
      response.cacheReadInputTokens = tokens;
    } else {
      response.cacheCreationInputTokens = tokens;
    }
    update();
  }

  private void update() {
    if (uncachedInput == null) {
      return;
    }
    long total = uncachedInput;
    if (response.cacheReadInputTokens != null) {
      total += response.cacheReadInputTokens;
    }
    if (response.cacheCreationInputTokens != null) {
      total += response.cacheCreationInputTokens;
    }
    response.inputTokens = total;
  }
}
