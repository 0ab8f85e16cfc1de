package io.aitap.agent.telemetry;

import static io.aitap.agent.telemetry.GenAiAttributes.ERROR_CATEGORY;
import static io.aitap.agent.telemetry.GenAiAttributes.ERROR_TYPE;
import static io.aitap.agent.telemetry.GenAiAttributes.OPERATION_NAME;
import static io.aitap.agent.telemetry.GenAiAttributes.PROVIDER_NAME;
import static io.aitap.agent.telemetry.GenAiAttributes.RATELIMIT_KIND;
import static io.aitap.agent.telemetry.GenAiAttributes.REQUEST_MODEL;
import static io.aitap.agent.telemetry.GenAiAttributes.RESPONSE_MODEL;
import static io.aitap.agent.telemetry.GenAiAttributes.SERVER_ADDRESS;
import static io.aitap.agent.telemetry.GenAiAttributes.SERVER_PORT;
import static io.aitap.agent.telemetry.GenAiAttributes.TOKEN_KIND;
import static io.aitap.agent.telemetry.GenAiAttributes.TOKEN_TYPE;

import io.aitap.agent.attribution.AttributionTelemetry;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.protocol.AiEndpoint;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attribute sets of the calls' metrics, built once per distinct combination of what they say
 * and shared by every call like it. Metric attributes are low-cardinality by design, so a handful
 * of sets serve all calls, and recording one allocates next to nothing. Bounded: past
 * {@link #LIMIT} combinations a call's sets are built for it alone.
 */
final class MetricAttributeSets {

  static final int LIMIT = 1024;

  /** What one instrument adds to a call's set: the token type or kind, the rate-limit kind. */
  enum Variant {
    INPUT(TOKEN_TYPE, "input"),
    OUTPUT(TOKEN_TYPE, "output"),
    CACHE_READ(TOKEN_KIND, "cache_read"),
    CACHE_CREATION(TOKEN_KIND, "cache_creation"),
    REASONING(TOKEN_KIND, "reasoning"),
    REQUESTS(RATELIMIT_KIND, "requests"),
    TOKENS(RATELIMIT_KIND, "tokens");

    private static final int COUNT = values().length;

    final AttributeKey<String> key;
    final String value;

    Variant(AttributeKey<String> key, String value) {
      this.key = key;
      this.value = value;
    }
  }

  /** One combination's set, and its variants as instruments first ask for them. */
  static final class Sets {
    final Attributes attributes;
    /** Immutable sets, so a race only builds one twice. */
    private final Attributes[] variants = new Attributes[Variant.COUNT];

    private Sets(Attributes attributes) {
      this.attributes = attributes;
    }

    Attributes with(Variant variant) {
      Attributes made = variants[variant.ordinal()];
      if (made == null) {
        made = attributes.toBuilder().put(variant.key, variant.value).build();
        variants[variant.ordinal()] = made;
      }
      return made;
    }
  }

  private final ConcurrentHashMap<Key, Sets> byCombination = new ConcurrentHashMap<>();

  /**
   * The sets of {@code call} as far as its request tells: for what is recorded before it ends, and
   * for what belongs to its endpoint and model alone. Its request has been read by then.
   */
  Sets ofRequest(AiCall call) {
    return of(call, null, null, null);
  }

  /** The sets of {@code call}, which ended with this response model and error (each may be null). */
  Sets of(AiCall call, String responseModel, String errorType, String errorCategory) {
    Key key = new Key(call, responseModel, errorType, errorCategory);
    Sets known = byCombination.get(key);
    if (known != null) {
      return known;
    }
    Sets made = new Sets(key.attributes(call));
    if (byCombination.size() >= LIMIT) {
      return made;
    }
    Sets raced = byCombination.putIfAbsent(key, made);
    return raced == null ? made : raced;
  }

  /** Sets kept so far. */
  int size() {
    return byCombination.size();
  }

  /** Everything a call's metric attributes are made of. */
  private static final class Key {
    final String operation;
    final String provider;
    final String serverAddress;
    final int serverPort;
    final String requestModel;
    final Map<String, String> labels;
    final String responseModel;
    final String errorType;
    final String errorCategory;

    Key(AiCall call, String responseModel, String errorType, String errorCategory) {
      AiEndpoint endpoint = call.endpoint();
      operation = endpoint.protocol().operationName();
      provider = endpoint.providerName();
      serverAddress = endpoint.serverAddress();
      serverPort = endpoint.serverPort();
      requestModel = call.request().model;
      labels = AttributionTelemetry.metricLabels(call.attribution());
      this.responseModel = responseModel;
      this.errorType = errorType;
      this.errorCategory = errorCategory;
    }

    Attributes attributes(AiCall call) {
      AttributesBuilder builder =
          Attributes.builder()
              .put(OPERATION_NAME, operation)
              .put(PROVIDER_NAME, provider)
              .put(SERVER_ADDRESS, serverAddress)
              .put(SERVER_PORT, (long) serverPort);
      putIfPresent(builder, REQUEST_MODEL, requestModel);
      AttributionTelemetry.putMetricLabels(builder, call.attribution());
      putIfPresent(builder, RESPONSE_MODEL, responseModel);
      putIfPresent(builder, ERROR_TYPE, errorType);
      putIfPresent(builder, ERROR_CATEGORY, errorCategory);
      return builder.build();
    }

    private static void putIfPresent(AttributesBuilder builder, AttributeKey<String> key, String value) {
      if (value != null) {
        builder.put(key, value);
      }
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Key)) {
        return false;
      }
      Key that = (Key) other;
      return serverPort == that.serverPort && Objects.equals(operation, that.operation)
          && Objects.equals(provider, that.provider) && Objects.equals(serverAddress, that.serverAddress)
          && Objects.equals(requestModel, that.requestModel)
          && labels.equals(that.labels) && Objects.equals(responseModel, that.responseModel)
          && Objects.equals(errorType, that.errorType) && Objects.equals(errorCategory, that.errorCategory);
    }

    @Override
    public int hashCode() {
      int hash = Objects.hashCode(operation);
      hash = 31 * hash + Objects.hashCode(provider);
      hash = 31 * hash + Objects.hashCode(serverAddress);
      hash = 31 * hash + serverPort;
      hash = 31 * hash + Objects.hashCode(requestModel);
      hash = 31 * hash + (labels.isEmpty() ? 0 : labels.hashCode());
      hash = 31 * hash + Objects.hashCode(responseModel);
      hash = 31 * hash + Objects.hashCode(errorType);
      return 31 * hash + Objects.hashCode(errorCategory);
    }
  }
}
