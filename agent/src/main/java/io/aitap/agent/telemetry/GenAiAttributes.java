package io.aitap.agent.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** Attribute keys of the GenAI semantic conventions (v1.41) and aitap's own additions. */
final class GenAiAttributes {

  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<Double> REQUEST_TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
  static final AttributeKey<Boolean> REQUEST_STREAM = AttributeKey.booleanKey("gen_ai.request.stream");
  static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
      AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");
  static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
  static final AttributeKey<Long> USAGE_CACHE_CREATION_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");
  static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");
  /** What the call cost in USD: reported by the provider, or from the price list. */
  static final AttributeKey<Double> USAGE_COST = AttributeKey.doubleKey("gen_ai.usage.cost");
  static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");

  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");

  /** One normalised category per failed call: rate_limited, timeout, auth, … (see ErrorCategory). */
  static final AttributeKey<String> ERROR_CATEGORY = AttributeKey.stringKey("aitap.error.category");
  /** Seconds the provider asked the client to wait, on a throttled response. */
  static final AttributeKey<Double> RETRY_AFTER = AttributeKey.doubleKey("aitap.response.retry_after");
  /** requests or tokens, on the rate-limit gauges. */
  static final AttributeKey<String> RATELIMIT_KIND = AttributeKey.stringKey("aitap.ratelimit.kind");

  /** What became of a call that was cut short: {@code cancelled} or {@code abandoned}. */
  static final AttributeKey<String> CALL_END = AttributeKey.stringKey("aitap.call.end");
  /** Kinds of token that are part of input or output: cache_read, cache_creation, reasoning. */
  static final AttributeKey<String> TOKEN_KIND = AttributeKey.stringKey("aitap.token.kind");
  /** The price list in use: {@code genai-prices 0.2.5}, or the data file passed as {@code aitap.pricing.file}. */
  static final AttributeKey<String> PRICING_LIST = AttributeKey.stringKey("aitap.pricing.list");

  private GenAiAttributes() {}
}
