package io.aitap.agent.protocol;

import io.aitap.agent.capture.CallContent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the response said, normalised to the GenAI conventions by the parser that read it (see
 * docs/design.md §4: input tokens include cache reads and writes, output tokens include reasoning). A null
 * field means the response did not say: unknown, not zero.
 */
public final class ResponseFacts {

  /** Told the moment a stream delivers an event that carries output, to time chunks. */
  public interface ChunkListener {
    void onChunk();
  }

  private static final int MAX_FINISH_REASONS = 16;

  private final ChunkListener chunkListener;
  private final List<String> finishReasons = new ArrayList<>(1);

  public String model;
  public String id;
  public Long inputTokens;
  public Long outputTokens;
  public Long cacheReadInputTokens;
  public Long cacheCreationInputTokens;
  /** The parts of the cache writes kept 5 minutes and 1 hour, which are priced apart, when the response splits them. */
  public Long cacheCreation5mInputTokens;
  public Long cacheCreation1hInputTokens;
  public Long reasoningOutputTokens;
  /** The provider's error type as its body names it ({@code invalid_request_error}, {@code overloaded_error}, …). */
  public String errorType;
  /** The provider's finer error code when it sends one ({@code rate_limit_exceeded}, {@code invalid_api_key}, …). */
  public String errorCode;
  /** True when a stream that began with a success status reported an error inside its body. */
  public boolean failedInBody;
  /** What the provider says the call cost, in USD, when it says so (OpenRouter {@code usage.cost}). */
  public Double reportedCostUsd;
  /** Where the answer's messages are captured; null when content capture is off for the call. */
  public CallContent content;

  public ResponseFacts(ChunkListener chunkListener) {
    this.chunkListener = chunkListener;
  }

  public void chunk() {
    chunkListener.onChunk();
  }

  public void addFinishReason(String reason) {
    if (reason != null && finishReasons.size() < MAX_FINISH_REASONS) {
      finishReasons.add(reason);
    }
  }

  /** Replaces the finish reasons, for protocols whose last word on them overrides earlier ones. */
  public void setFinishReason(String reason) {
    finishReasons.clear();
    addFinishReason(reason);
  }

  public List<String> finishReasons() {
    return Collections.unmodifiableList(finishReasons);
  }

  public boolean hasUsage() {
    return inputTokens != null || outputTokens != null;
  }
}
