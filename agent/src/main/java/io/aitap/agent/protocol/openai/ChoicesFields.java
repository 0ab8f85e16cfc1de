package io.aitap.agent.protocol.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.json.EventFields;
import io.aitap.agent.protocol.json.EventShape;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonValues;
import java.io.IOException;

/**
 * Chat Completions, legacy Completions and Embeddings, as one JSON body or as a stream of chunks of
 * the same shape. Prompt tokens already include cached ones and completion tokens reasoning ones,
 * so they are the normalised input and output as they stand; except at xAI, whose reasoning tokens
 * come on top of its completion tokens, so output is their sum there, as for Gemini.
 */
final class ChoicesFields extends EventFields {

  // paths as constants: asked for every value of every event, a varargs array each time is garbage
  private static final String[] CHOICE = {"choices", "[]"};
  private static final String[] USAGE = {"usage"};
  private static final String[] PROMPT_TOKENS = {"usage", "prompt_tokens"};
  private static final String[] COMPLETION_TOKENS = {"usage", "completion_tokens"};
  private static final String[] CACHED_TOKENS = {"usage", "prompt_tokens_details", "cached_tokens"};
  private static final String[] CACHE_HIT_TOKENS = {"usage", "prompt_cache_hit_tokens"};
  private static final String[] REASONING_TOKENS = {"usage", "completion_tokens_details", "reasoning_tokens"};
  private static final String[] COST = {"usage", "cost"};
  /** A chunk of text deltas, read as {@link #onValue} would read it: what it does not name changes nothing. */
  private static final EventShape CHUNK = EventShape.object(EventShape.IGNORED)
      .with("id", EventShape.ID)
      .with("model", EventShape.MODEL)
      .with("usage", EventShape.NULL)
      .with("error", EventShape.READ)
      .with("choices", EventShape.array(EventShape.object(EventShape.IGNORED)
          .with("finish_reason", EventShape.NULL)
          .with("text", EventShape.OUTPUT)
          .with("delta", EventShape.object(EventShape.OUTPUT).with("role", EventShape.IGNORED_SCALAR))));

  private final boolean reasoningBesideCompletion;
  private Long completionTokens;

  ChoicesFields(ResponseFacts response, boolean reasoningBesideCompletion) {
    super(response, null, CHUNK, null);
    this.reasoningBesideCompletion = reasoningBesideCompletion;
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    int depth = path.depth();
    if (depth == 1) {
      topLevel(path.last(), token, parser);
    } else if (path.startsWith(CHOICE) && depth >= 3) {
      choice(path, token, parser);
    } else if (path.startsWith(USAGE)) {
      usage(path, token, parser);
    } else if (OpenAiErrorFields.read(path, 0, token, parser, response)) {
      // OpenRouter and others report a failure inside a stream that began with 200
      response.failedInBody = true;
    }
  }

  private void topLevel(String field, JsonToken token, JsonParser parser) throws IOException {
    // Azure's first stream chunk carries only content-filter results, with an empty id and model.
    if (!JsonValues.isNonEmptyString(token, parser)) {
      return;
    }
    if ("id".equals(field)) {
      response.id = JsonValues.text(parser, response.id);
    } else if ("model".equals(field)) {
      response.model = JsonValues.text(parser, response.model);
    }
  }

  private void choice(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (path.depth() == 3 && "finish_reason".equals(path.last())) {
      if (token == JsonToken.VALUE_STRING) {
        String reason = parser.getText();
        response.addFinishReason(reason);
        if ("error".equals(reason)) {
          response.failedInBody = true;
        }
      }
      return;
    }
    if (JsonValues.isNonEmptyString(token, parser)) {
      String part = path.segment(2);
      boolean delta = "delta".equals(part) && !"role".equals(path.last());
      boolean text = "text".equals(part) && path.depth() == 3;
      if (delta || text) {
        carriesOutput();
      }
    }
  }

  private void usage(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (path.is(PROMPT_TOKENS)) {
      response.inputTokens = JsonValues.asLong(token, parser);
    } else if (path.is(COMPLETION_TOKENS)) {
      completionTokens = JsonValues.asLong(token, parser);
      response.outputTokens = output();
    } else if (path.is(CACHED_TOKENS)) {
      response.cacheReadInputTokens = JsonValues.asLong(token, parser);
    } else if (path.is(CACHE_HIT_TOKENS) && response.cacheReadInputTokens == null) {
      response.cacheReadInputTokens = JsonValues.asLong(token, parser);
    } else if (path.is(REASONING_TOKENS)) {
      response.reasoningOutputTokens = JsonValues.asLong(token, parser);
      response.outputTokens = output();
    } else if (path.is(COST)) {
      response.reportedCostUsd = JsonValues.asDouble(token, parser);
    }
  }

  private Long output() {
    if (!reasoningBesideCompletion || completionTokens == null || response.reasoningOutputTokens == null) {
      return completionTokens;
    }
    return completionTokens + response.reasoningOutputTokens;
  }
}
