package io.aitap.agent.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.RequestHeaders;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AttributionTest {

  private static final AttributeKey<String> TEAM = AttributeKey.stringKey("aitap.attribution.team");

  private static Attribution attribution(String... settings) {
    Properties properties = new Properties();
    for (int i = 0; i < settings.length; i += 2) {
      properties.setProperty(settings[i], settings[i + 1]);
    }
    return Attribution.fromConfig(new AitapConfig(properties, Map.of()));
  }

  private static RequestHeaders headers(String... namesAndValues) {
    return name -> {
      for (int i = 0; i < namesAndValues.length; i += 2) {
        if (namesAndValues[i].equalsIgnoreCase(name)) {
          return namesAndValues[i + 1];
        }
      }
      return null;
    };
  }

  @Test
  void headerNamesBecomeKeysWithoutTheirXPrefix() {
    assertEquals("team", AttributionSettings.headerKey("X-Team"));
    assertEquals("cost_center", AttributionSettings.headerKey("X-Cost-Center"));
    assertEquals("tenant", AttributionSettings.headerKey("Tenant"));
    assertEquals("app.feature", AttributionSettings.keyOf("app.feature"));
  }

  @Test
  void readsNamedBaggageEntriesAndHeadersAndANamedHeaderWins() {
    Attribution attribution = attribution(
        "aitap.attribution.baggage", "team, tenant",
        "aitap.attribution.headers", "X-Feature,X-Tenant");
    CallAttribution call = attribution.newCall();
    call.read(headers("baggage", "team=payments,tenant=acme,userId=alice", "X-Feature", " refunds ", "X-Tenant", "globex"));
    assertEquals(Map.of("team", "payments", "tenant", "globex", "feature", "refunds"), call.values());
  }

  @Test
  void whatTheWireShowsReplacesWhatTheStartSaw() {
    CallAttribution call = attribution("aitap.attribution.baggage", "team").newCall();
    call.read(headers());
    assertEquals(Map.of(), call.values());
    call.read(headers("baggage", "team=payments"));
    call.read(headers());
    assertEquals(Map.of("team", "payments"), call.values());
    call.read(headers("baggage", "team=search"));
    assertEquals(Map.of("team", "search"), call.values());
  }

  @Test
  void nothingIsReadUnlessNamed() {
    CallAttribution call = attribution().newCall();
    call.read(name -> {
      throw new AssertionError("looked up " + name);
    });
    assertEquals(Map.of(), call.values());
  }

  @Test
  void secretLookingValuesNeverReachTheCall() {
    CallAttribution call = attribution("aitap.attribution.headers", "X-Team,Authorization").newCall();
    call.read(headers("X-Team", "sk-proj-AbCdEf0123456789xyz", "Authorization", "Bearer sk-abc"));
    assertEquals(Map.of(), call.values());
  }

  @Test
  void onlyAllowListedKeysBecomeMetricLabels() {
    Attribution attribution = attribution(
        "aitap.attribution.baggage", "team,tenant", "aitap.attribution.metric-keys", "team,unknown");
    CallAttribution call = attribution.newCall();
    call.read(headers("baggage", "team=payments,tenant=acme"));
    AttributesBuilder labels = Attributes.builder();
    AttributionTelemetry.putMetricLabels(labels, call);
    assertEquals(Attributes.of(TEAM, "payments"), labels.build());
  }

  @Test
  void theValueAfterTheCapFoldsIntoOtherAndTheCallIsCounted() {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    AttributionTelemetry telemetry =
        new AttributionTelemetry(SdkMeterProvider.builder().registerMetricReader(reader).build().get("test"));
    Attribution attribution = attribution("aitap.attribution.headers", "X-Team", "aitap.attribution.metric-keys", "team");

    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= 101; i++) {
      labels.add(record(attribution, telemetry, "team-" + i));
    }
    String again = record(attribution, telemetry, "team-7");
    String past = record(attribution, telemetry, "team-102");

    assertEquals("team-100", labels.get(99));
    assertEquals("other", labels.get(100));
    assertEquals("team-7", again);
    assertEquals("other", past);
    MetricData folded = reader.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals("aitap.attribution.folded_calls")).findFirst().orElseThrow();
    List<LongPointData> points = new ArrayList<>(folded.getLongSumData().getPoints());
    assertEquals(1, points.size());
    assertEquals(2, points.get(0).getValue());
    assertEquals(Attributes.of(AttributeKey.stringKey("aitap.attribution.key"), "team"), points.get(0).getAttributes());
  }

  @Test
  void theCapIsSettable() {
    Attribution attribution = attribution("aitap.attribution.headers", "X-Team",
        "aitap.attribution.metric-keys", "team", "aitap.attribution.max-values", "2");
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    AttributionTelemetry telemetry =
        new AttributionTelemetry(SdkMeterProvider.builder().registerMetricReader(reader).build().get("test"));
    assertEquals("a", record(attribution, telemetry, "a"));
    assertEquals("b", record(attribution, telemetry, "b"));
    assertEquals("other", record(attribution, telemetry, "c"));
  }

  @Test
  void endUserIdsAreHashedWithTheConfiguredKeyOrNotAtAll() {
    String hash = attribution("aitap.attribution.user-id-key", "key").newCall()
        .userHash("The quick brown fox jumps over the lazy dog");
    assertEquals("f7bc83f430538424b13298e6aa6fb143", hash);
    assertNull(attribution("aitap.attribution.user-id", "off").newCall().userHash("alice"));
    assertNull(attribution().newCall().userHash(" "));
  }

  /** One call with this team, through the metric labels as every instrument gets them: its team label. */
  private static String record(Attribution attribution, AttributionTelemetry telemetry, String team) {
    CallAttribution call = attribution.newCall();
    call.read(headers("X-Team", team));
    AttributesBuilder labels = Attributes.builder();
    AttributionTelemetry.putMetricLabels(labels, call);
    AttributionTelemetry.putMetricLabels(Attributes.builder(), call);
    telemetry.countFolded(call);
    return labels.build().get(TEAM);
  }
}
