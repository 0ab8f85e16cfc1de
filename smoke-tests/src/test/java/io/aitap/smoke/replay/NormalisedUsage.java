package io.aitap.smoke.replay;

/**
 * A fixture's token counts as the conventions want them (docs/design.md §4), derived from the provider's
 * native counts: input counts every input token processed, cache reads and writes included (added
 * for Anthropic's Messages format and Bedrock's Converse, which leave them out); output counts every
 * billed output token, reasoning included (added for Gemini and xAI, which report it apart). A
 * response without usage has no numbers at all: unknown, not zero.
 */
final class NormalisedUsage {

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
    ProviderApi api = fixture.api();
    Long input = input(fixture, api);
    Long output = fixture.outputTokens();
    if (input == null && output == null) {
      return new NormalisedUsage(null, null, null, null, null);
    }
    Long reasoning = fixture.reasoningTokens();
    // xAI speaks Chat Completions but, unlike the rest of that family, counts reasoning apart
    boolean reasoningApart = api.countsReasoningApartFromOutput() || fixture.provider().equals("xai");
    if (output != null && reasoning != null && reasoningApart) {
      output = output + reasoning;
    }
    return new NormalisedUsage(input, output, fixture.cachedInputTokens(), fixture.cacheWriteTokens(), reasoning);
  }

  /**
   * From the native count where the fixture gives it; the agent's own fixtures give only the
   * normalised one. Where both are given, they must agree: a fixture whose numbers contradict each
   * other would make every check of it meaningless.
   */
  private static Long input(Fixture fixture, ProviderApi api) {
    Long nativeInput = fixture.nativeInputTokens();
    if (nativeInput == null) {
      return fixture.totalInputTokens();
    }
    long input = nativeInput;
    if (api.countsCacheApartFromInput()) {
      input += orZero(fixture.cachedInputTokens()) + orZero(fixture.cacheWriteTokens());
    }
    Long normalisedByFixture = fixture.totalInputTokens();
    if (normalisedByFixture != null && normalisedByFixture != input) {
      throw new IllegalStateException(fixture + ": input " + nativeInput + " normalises to " + input
          + " for " + api + ", but expected.json says total_input_tokens " + normalisedByFixture);
    }
    return input;
  }

  private static long orZero(Long tokens) {
    return tokens == null ? 0 : tokens;
  }

  boolean isKnown() {
    return inputTokens != null || outputTokens != null;
  }
}
