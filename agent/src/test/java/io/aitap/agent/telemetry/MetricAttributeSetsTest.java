package io.aitap.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.call.RecordingSink;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.telemetry.MetricAttributeSets.Variant;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import org.junit.jupiter.api.Test;

class MetricAttributeSetsTest {

  private final MetricAttributeSets sets = new MetricAttributeSets();

  private static AiCall call(String host, String model) {
    AiCall call = new AiCall(new AiEndpoint("openai", new RecordingProtocol(), host, 443, null), new RecordingSink());
    call.request().model = model;
    return call;
  }

  @Test
  void callsThatSayTheSameShareOneSetAndItsVariants() {
    MetricAttributeSets.Sets first = sets.of(call("api.openai.com", "gpt-4o"), "gpt-4o-2024-08-06", null, null);
    MetricAttributeSets.Sets second = sets.of(call("api.openai.com", "gpt-4o"), "gpt-4o-2024-08-06", null, null);

    assertSame(first, second);
    assertSame(first.with(Variant.INPUT), second.with(Variant.INPUT));
    assertEquals(
        Attributes.builder()
            .put("gen_ai.operation.name", "chat")
            .put("gen_ai.provider.name", "openai")
            .put("server.address", "api.openai.com")
            .put("server.port", 443L)
            .put("gen_ai.request.model", "gpt-4o")
            .put("gen_ai.response.model", "gpt-4o-2024-08-06")
            .put("gen_ai.token.type", "input")
            .build(),
        first.with(Variant.INPUT));
  }

  @Test
  void everyFactTheSetSaysTellsCallsApart() {
    Attributes base = sets.of(call("api.openai.com", "gpt-4o"), null, null, null).attributes;

    assertNotEquals(base, sets.of(call("api.openai.com", "gpt-4o-mini"), null, null, null).attributes);
    assertNotEquals(base, sets.of(call("eu.api.openai.com", "gpt-4o"), null, null, null).attributes);
    assertNotEquals(base, sets.of(call("api.openai.com", "gpt-4o"), "gpt-4o-2024-08-06", null, null).attributes);
    Attributes failed = sets.of(call("api.openai.com", "gpt-4o"), null, "429", "rate_limited").attributes;
    assertEquals("429", failed.get(AttributeKey.stringKey("error.type")));
    assertEquals("rate_limited", failed.get(AttributeKey.stringKey("aitap.error.category")));
    assertEquals(base, sets.ofRequest(call("api.openai.com", "gpt-4o")).attributes);
  }

  @Test
  void pastTheLimitSetsAreStillRightButNotKept() {
    for (int i = 0; i < MetricAttributeSets.LIMIT + 10; i++) {
      sets.of(call("api.openai.com", "model-" + i), null, null, null);
    }
    MetricAttributeSets.Sets late = sets.of(call("api.openai.com", "one-too-many"), null, null, null);

    assertEquals(MetricAttributeSets.LIMIT, sets.size());
    assertEquals("one-too-many", late.attributes.get(AttributeKey.stringKey("gen_ai.request.model")));
  }
}
