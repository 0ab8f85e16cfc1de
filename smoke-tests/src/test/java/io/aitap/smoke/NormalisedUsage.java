package io.aitap.smoke;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * A fixture's token counts as the conventions want them (DESIGN §4): input counts every input token
 * processed, cache reads and writes included; output counts every billed output token, reasoning
 * included. A response without usage has no numbers at all: unknown, not zero.
 */
final class NormalisedUsage {

  /** Providers whose output count leaves out reasoning tokens, reported beside it. */
  private static final Set<String> REASONING_REPORTED_APART = Collections.unmodifiableSet(new HashSet<>(
      Collections.singletonList("gemini")));

  final Long inputTokens;
  final Long outputTokens;
  final Long cacheReadInputTokens;
  final Long cacheCreationInputTokens;
  final Long reasoningOutputTokens;

  private NormalisedUsage(Long input, Long output, Long cacheRead, Long cacheCreation, Long reasoning) {
    this.inputTokens = input;
    this.outputTokens = output;
    this.cacheReadInputTokens = cacheRead;
    this.cacheCreationInputTokens = cacheCreation;
    this.reasoningOutputTokens = reasoning;
  }

  static NormalisedUsage of(Fixture fixture) {
    Long input = fixture.totalInputTokens();
    Long output = fixture.outputTokens();
    if (input == null && output == null) {
      return new NormalisedUsage(null, null, null, null, null);
    }
    Long reasoning = fixture.reasoningTokens();
    if (output != null && reasoning != null && REASONING_REPORTED_APART.contains(fixture.provider())) {
      output = output + reasoning;
    }
    return new NormalisedUsage(input, output, fixture.cachedInputTokens(), fixture.cacheWriteTokens(), reasoning);
  }

  boolean isKnown() {
    return inputTokens != null || outputTokens != null;
  }
}
