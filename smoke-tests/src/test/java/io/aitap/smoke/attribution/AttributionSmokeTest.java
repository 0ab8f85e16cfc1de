package io.aitap.smoke.attribution;

import static io.aitap.smoke.replay.CallChecks.assertNone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aitap.smoke.harness.DaemonThreads;
import io.aitap.smoke.harness.FakeProvider;
import io.aitap.smoke.harness.ReceivedSpan;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.AiRequest;
import io.aitap.smoke.replay.CallChecks;
import io.aitap.smoke.replay.ClientProgram;
import io.aitap.smoke.replay.Fixture;
import io.aitap.smoke.replay.Fixtures;
import io.aitap.smoke.replay.MetricChecks;
import io.aitap.smoke.replay.MetricTotals;
import io.aitap.smoke.replay.ProviderApi;
import io.aitap.smoke.replay.SmokePlan;
import io.aitap.smoke.replay.SmokeRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Attribution through every client aitap taps, with the real agent jar: the team and tenant named
 * in a W3C {@code baggage} header and the feature in a header of the application's own reach the
 * span of each AI call; the allow-listed keys reach the metrics, the third team over a cap of two
 * folded into {@code other} and counted; the end-user id of the request body is on the span as its
 * keyed hash, and never in any byte aitap exports.
 */
class AttributionSmokeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER_ID_KEY = "smoke-test-key";
  /** In every end-user id: finding it anywhere means an id leaked. */
  private static final String END_USER_PREFIX = "raw-end-user-" + UUID.randomUUID() + "-";
  /** Teams in call order: the cap of two lets the first two through and folds the third. */
  private static final List<String> TEAMS = List.of("payments", "search", "growth");
  private static final List<String> FEATURES = List.of("refunds", "ranking", "refunds");
  private static final List<String> FIXTURES =
      List.of("openai-chat.json", "openai-chat-stream.sse", "anthropic-messages.json");

  private static final ExecutorService RUNS = Executors.newFixedThreadPool(2, DaemonThreads.named("attribution-run"));

  @TestFactory
  Stream<DynamicContainer> attributionThroughEveryClient() {
    List<DynamicContainer> jdks = new ArrayList<>();
    for (TestJdk jdk : TestJdk.all()) {
      List<DynamicContainer> clients = new ArrayList<>();
      for (ClientProgram client : ClientProgram.everyTapped()) {
        clients.add(started(jdk, client));
      }
      jdks.add(dynamicContainer(jdk.toString(), clients));
    }
    return jdks.stream();
  }

  private static DynamicContainer started(TestJdk jdk, ClientProgram client) {
    CompletableFuture<SmokeRun> run = CompletableFuture.supplyAsync(
        () -> SmokeRun.execute(jdk, client, AttributionSmokeTest::plan,
            (jvm, provider) -> jvm
                .systemProperty("aitap.attribution.baggage", "team,tenant")
                .systemProperty("aitap.attribution.headers", "X-Feature")
                .systemProperty("aitap.attribution.metric-keys", "team,feature")
                .systemProperty("aitap.attribution.max-values", "2")
                .systemProperty("aitap.attribution.user-id-key", USER_ID_KEY)),
        RUNS);
    return dynamicContainer(client.toString(), Stream.of(run).flatMap(r -> checksOf(SmokeRun.join(r))));
  }

  /**
   * Three calls, one per team; the tenant tells the calls apart. Their baggage carries properties,
   * whitespace, an escape and an entry nobody named; their bodies an end-user id unique to the run.
   */
  private static SmokePlan plan(ClientProgram client, FakeProvider provider, String traceparent) {
    boolean bedrock = client.mainClass().getSimpleName().startsWith("Bedrock");
    SmokePlan plan = SmokePlan.empty(provider);
    for (int i = 0; i < TEAMS.size(); i++) {
      Fixture fixture = bedrock ? Fixtures.bedrockConverse().get(i % Fixtures.bedrockConverse().size())
          : Fixtures.named(FIXTURES.get(i));
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("baggage", "userId=someone, team = " + TEAMS.get(i) + ";owner=finance,tenant=t%2D" + i);
      headers.put("X-Feature", FEATURES.get(i));
      plan.aiCall(fixture, client.plain(), headers, withEndUser(fixture, i));
    }
    return plan;
  }

  private static String endUserOf(int call) {
    return END_USER_PREFIX + call;
  }

  /**
   * The fixture's request body with the end-user id of call {@code call} where its API carries one:
   * OpenAI's {@code user}, then its {@code safety_identifier}, Anthropic's {@code metadata.user_id}.
   */
  private static byte[] withEndUser(Fixture fixture, int call) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(AiRequest.of(fixture).body);
      if (fixture.api() == ProviderApi.ANTHROPIC_MESSAGES) {
        body.putObject("metadata").put("user_id", endUserOf(call));
      } else {
        body.put(call == 0 ? "user" : "safety_identifier", endUserOf(call));
      }
      return body.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<DynamicNode> checksOf(SmokeRun run) {
    return Stream.of(
        dynamicContainer("the application does not notice the agent",
            (writesItsOwnBody(run) ? CallChecks.ofSdk(run) : CallChecks.of(run)).stream()),
        dynamicTest("each AI span carries its team, tenant and feature, and the hash of its end user",
            () -> spansCarryAttribution(run)),
        dynamicTest("metrics carry the allow-listed keys, the team past the cap as other",
            () -> metricsCarryAllowListedKeys(run)),
        dynamicTest("the folded call is counted", () -> foldedCallIsCounted(run)),
        dynamicTest("no raw end-user id in any export or in the log", () -> rawEndUserIdsNeverLeave(run)));
  }

  /** The AWS SDK writes and signs its own request: the plan's body, end user included, only describes it. */
  private static boolean writesItsOwnBody(SmokeRun run) {
    return run.plan.aiCalls().get(0).fixture.api() == ProviderApi.BEDROCK_CONVERSE;
  }

  private static void spansCarryAttribution(SmokeRun run) {
    Map<Object, ReceivedSpan> byTenant = new HashMap<>();
    run.spans.stream().filter(ReceivedSpan::isAitaps)
        .forEach(span -> byTenant.put(span.attribute("aitap.attribution.tenant"), span));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < run.plan.aiCalls().size(); i++) {
      SmokePlan.AiCall ai = run.plan.aiCalls().get(i);
      ReceivedSpan span = byTenant.get("t-" + i);
      if (span == null) {
        wrong.add(ai.call + ": no span with tenant t-" + i + " among " + byTenant.keySet());
        continue;
      }
      Map<String, Object> expected = new TreeMap<>();
      expected.put("aitap.attribution.team", TEAMS.get(i));
      expected.put("aitap.attribution.tenant", "t-" + i);
      expected.put("aitap.attribution.feature", FEATURES.get(i));
      if (!writesItsOwnBody(run)) {
        expected.put("user.hash", hmac(endUserOf(i)));
      }
      Map<String, Object> actual = new TreeMap<>();
      span.attributes().forEach((key, value) -> {
        if (key.startsWith("aitap.attribution.") || key.startsWith("user.")) {
          actual.put(key, value);
        }
      });
      if (!expected.equals(actual)) {
        wrong.add(ai.call + ": expected " + expected + ", the span has " + actual);
      }
    }
    assertNone(wrong, "AI spans without their attribution\n" + run.agentStderrTail());
  }

  private static void metricsCarryAllowListedKeys(SmokeRun run) {
    MetricTotals duration = MetricTotals.of(MetricChecks.DURATION, run.metrics);
    Map<String, Long> byTeamAndFeature = new TreeMap<>();
    duration.bySeries().forEach((attributes, total) -> {
      assertFalse(attributes.containsKey("aitap.attribution.tenant"), "tenant is no metric key: " + attributes);
      assertFalse(attributes.containsKey("user.hash"), "the end user is never a metric label: " + attributes);
      byTeamAndFeature.merge(attributes.get("aitap.attribution.team") + "/" + attributes.get("aitap.attribution.feature"),
          total.count, Long::sum);
    });
    assertEquals(Map.of("payments/refunds", 1L, "search/ranking", 1L, "other/refunds", 1L), byTeamAndFeature,
        () -> duration + "\n" + run.agentStderrTail());
  }

  private static void foldedCallIsCounted(SmokeRun run) {
    MetricTotals folded = MetricTotals.of("aitap.attribution.folded_calls", run.metrics);
    Map<String, Double> byKey = new TreeMap<>();
    folded.bySeries().forEach((attributes, total) ->
        byKey.merge(String.valueOf(attributes.get("aitap.attribution.key")), total.sum, Double::sum));
    assertEquals(Map.of("team", 1.0), byKey, folded::toString);
  }

  private static void rawEndUserIdsNeverLeave(SmokeRun run) {
    List<String> leaks = new ArrayList<>();
    for (String export : run.exports) {
      int at = export.indexOf(END_USER_PREFIX);
      if (at >= 0) {
        leaks.add("in an export: …" + export.substring(Math.max(0, at - 200), Math.min(export.length(), at + 100)));
      }
    }
    if (run.agentStderr.contains(END_USER_PREFIX)) {
      leaks.add("in the agent's stderr");
    }
    if (!writesItsOwnBody(run)) {
      assertTrue(run.exports.stream().anyMatch(export -> export.contains("user.hash")),
          "no export carries user.hash, so nothing was checked");
    }
    assertNone(leaks, "raw end-user ids");
  }

  /** HMAC-SHA256 under the run's key, the first 128 bits in hex: what user.hash must be. */
  private static String hmac(String endUser) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(USER_ID_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(endUser.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
