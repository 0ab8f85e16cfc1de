package io.aitap.agent.protocol;

/**
 * Usage as Anthropic and Bedrock report it: input tokens that exclude cache reads and writes. Keeps
 * the three parts as they arrive (a stream may send them in different events) and writes their sum
 * as the normalised input, so dashboards compare like with like across providers.
 */
public final class SplitInputUsage {

  private final ResponseFacts response;
  private Long uncachedInput;

  public SplitInputUsage(ResponseFacts response) {
    this.response = response;
  }

  public void uncachedInput(Long tokens) {
    if (tokens != null) {
      uncachedInput = tokens;
      update();
    }
  }

  public void cacheRead(Long tokens) {
    if (tokens != null) {
      response.cacheReadInputTokens = tokens;
      update();
    }
  }

  public void cacheWrite(Long tokens) {
    if (tokens != null) {
      response.cacheCreationInputTokens = tokens;
      update();
    }
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
