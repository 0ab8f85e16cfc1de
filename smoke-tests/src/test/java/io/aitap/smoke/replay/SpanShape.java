package io.aitap.smoke.replay;

import io.aitap.smoke.harness.ReceivedSpan;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the contract says about one span — name, kind, error status and the attributes aitap
 * promises — so an expected span and a received one can be compared exactly. Attributes outside
 * the contract are left out; an attribute the contract lists but the span lacks is simply absent.
 */
public final class SpanShape {

  static final Set<String> CONTRACT_ATTRIBUTES = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
      "gen_ai.operation.name",
      "gen_ai.provider.name",
      "gen_ai.request.model",
      "gen_ai.request.max_tokens",
      "gen_ai.request.temperature",
      "gen_ai.request.top_p",
      "gen_ai.request.stream",
      "gen_ai.response.model",
      "gen_ai.response.id",
      "gen_ai.response.finish_reasons",
      "gen_ai.usage.input_tokens",
      "gen_ai.usage.output_tokens",
      "gen_ai.usage.cache_read.input_tokens",
      "gen_ai.usage.cache_creation.input_tokens",
      "gen_ai.usage.reasoning.output_tokens",
      "server.address",
      "server.port",
      "error.type",
      "aitap.error.category")));

  final String name;
  final String kind;
  final boolean errorStatus;
  final Map<String, Object> attributes;

  SpanShape(String name, String kind, boolean errorStatus, Map<String, Object> attributes) {
    this.name = name;
    this.kind = kind;
    this.errorStatus = errorStatus;
    Map<String, Object> contract = new TreeMap<>();
    for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
      if (CONTRACT_ATTRIBUTES.contains(attribute.getKey()) && attribute.getValue() != null) {
        contract.put(attribute.getKey(), attribute.getValue());
      }
    }
    this.attributes = Collections.unmodifiableMap(contract);
  }

  public static SpanShape of(ReceivedSpan span) {
    return new SpanShape(span.name(), span.kind(), span.isError(), span.attributes());
  }

  /** The shape the span of this call must have, from its fixture, request and address. */
  public static SpanShape expected(SmokePlan.AiCall call) {
    return expected(call.fixture, call.request, call.providerName, call.host(), call.port());
  }

  /** The shape of the span of a call answered by {@code fixture}, sent to {@code host:port}. */
  public static SpanShape expected(Fixture fixture, AiRequest request, String providerName, String host, int port) {
    NormalisedUsage usage = NormalisedUsage.of(fixture);
    Map<String, Object> attributes = new TreeMap<>();
    String operation = fixture.api().operationName;
    attributes.put("gen_ai.operation.name", operation);
    attributes.put("gen_ai.provider.name", providerName);
    attributes.put("gen_ai.request.model", fixture.requestModel());
    attributes.put("gen_ai.request.max_tokens", request.maxTokens);
    attributes.put("gen_ai.request.temperature", request.temperature);
    attributes.put("gen_ai.request.top_p", request.topP);
    attributes.put("gen_ai.request.stream", fixture.stream());
    attributes.put("gen_ai.response.model", fixture.responseModel());
    attributes.put("gen_ai.response.id", fixture.responseId());
    List<String> finishReasons = fixture.finishReasons();
    attributes.put("gen_ai.response.finish_reasons", finishReasons.isEmpty() ? null : finishReasons);
    attributes.put("gen_ai.usage.input_tokens", usage.inputTokens);
    attributes.put("gen_ai.usage.output_tokens", usage.outputTokens);
    attributes.put("gen_ai.usage.cache_read.input_tokens", usage.cacheReadInputTokens);
    attributes.put("gen_ai.usage.cache_creation.input_tokens", usage.cacheCreationInputTokens);
    attributes.put("gen_ai.usage.reasoning.output_tokens", usage.reasoningOutputTokens);
    attributes.put("server.address", host);
    attributes.put("server.port", (long) port);
    String errorType = ExpectedErrorType.of(fixture);
    attributes.put("error.type", errorType);
    attributes.put("aitap.error.category", ExpectedErrorType.category(fixture));
    return new SpanShape(operation + " " + fixture.requestModel(), "CLIENT", errorType != null, attributes);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SpanShape)) {
      return false;
    }
    SpanShape that = (SpanShape) other;
    return name.equals(that.name)
        && kind.equals(that.kind)
        && errorStatus == that.errorStatus
        && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, errorStatus, attributes);
  }

  /** How many of name, kind, status and contract attributes differ from another shape. */
  int differenceCount(SpanShape other) {
    int differences = (name.equals(other.name) ? 0 : 1) + (kind.equals(other.kind) ? 0 : 1)
        + (errorStatus == other.errorStatus ? 0 : 1);
    for (String key : CONTRACT_ATTRIBUTES) {
      if (!Objects.equals(attributes.get(key), other.attributes.get(key))) {
        differences++;
      }
    }
    return differences;
  }

  /** The differences from another shape, one per line, for failure messages. */
  String differencesFrom(SpanShape expected) {
    StringBuilder out = new StringBuilder();
    if (!name.equals(expected.name)) {
      out.append("\n    name: expected '").append(expected.name).append("' but was '").append(name).append('\'');
    }
    if (!kind.equals(expected.kind)) {
      out.append("\n    kind: expected ").append(expected.kind).append(" but was ").append(kind);
    }
    if (errorStatus != expected.errorStatus) {
      out.append("\n    status ERROR: expected ").append(expected.errorStatus).append(" but was ").append(errorStatus);
    }
    for (String key : CONTRACT_ATTRIBUTES) {
      Object want = expected.attributes.get(key);
      Object got = attributes.get(key);
      if (!Objects.equals(want, got)) {
        out.append("\n    ").append(key).append(": expected ").append(describe(want))
            .append(" but was ").append(describe(got));
      }
    }
    return out.toString();
  }

  private static String describe(Object value) {
    if (value == null) {
      return "(absent)";
    }
    if (value instanceof String) {
      return "'" + value + "'";
    }
    // a number's type matters: an int attribute never equals a double one
    return value instanceof Number ? value + " (" + value.getClass().getSimpleName() + ")" : value.toString();
  }

  @Override
  public String toString() {
    return "'" + name + "' " + kind + (errorStatus ? " ERROR " : " ") + attributes;
  }
}
