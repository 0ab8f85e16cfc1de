package io.aitap.smoke.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.smoke.harness.TestJdk;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo started with nothing but the README's settings for one way into Prometheus 3 (its
 * service name and where to send OTLP; the export interval only shortened for the test's sake),
 * seen through the deployed rules and dashboards, plus what only a pipeline decides: which job and
 * instance the series carry, and so what an SLO's {@code service:} selects.
 */
abstract class DemoThroughPipelineChecks extends DemoInPrometheusChecks {

  private Prometheus3 prometheus;
  private CollectorProcess collector;

  /** Subclasses hand over the Prometheus they started, which {@link #prometheus()} then answers for. */
  final Prometheus3 running(Prometheus3 started) {
    prometheus = started;
    return started;
  }

  /** Subclasses hand over the collector they started, if any, so that it is stopped and its log shown. */
  final CollectorProcess running(CollectorProcess started) {
    collector = started;
    return started;
  }

  @AfterAll
  final void stopPipeline() {
    if (collector != null) {
      collector.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Override
  final PrometheusApi prometheus() {
    return prometheus.api();
  }

  @Override
  final String prometheusLogs() {
    return (collector == null ? "" : "--- collector ---\n" + collector.log()) + "--- prometheus ---\n" + prometheus.log();
  }

  /** Any series aitap emits itself (not a recording rule's, which carry a colon). */
  private static final String AITAP_SERIES = "{__name__=~\"gen_ai_[a-z_A-Z]+|aitap_[a-z_]+\"}";

  /** The JDK the tests fork with beside the one running them (Temurin 25 beside JDK 17), or that one alone. */
  static Path otherJava() {
    List<TestJdk> jdks = TestJdk.all();
    return jdks.get(jdks.size() - 1).java();
  }

  /** The README's settings for a service sending to an OpenTelemetry Collector's OTLP/HTTP endpoint. */
  static Map<String, String> sendingTo(String otlpEndpoint) {
    return Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint, "OTEL_METRIC_EXPORT_INTERVAL", "500");
  }

  /** The ways in are proven on the Prometheus users run now. */
  @Test
  void prometheusIsOfRelease3() {
    String version = prometheus().version();
    assertTrue(version.startsWith("3."), "Prometheus " + version);
  }

  /**
   * The job is the service's service.name and the instance its service.instance.id, the same on
   * every series aitap emits and on target_info, the series that carries the service's resource.
   */
  @Test
  void everySeriesCarriesTheServiceAsJobAndItsInstance() {
    List<PrometheusApi.Sample> resource = eventually("target_info of " + DemoJvm.SERVICE,
        () -> prometheus().query("target_info{job=\"" + DemoJvm.SERVICE + "\"}"), samples -> samples.size() == 1);
    String instance = resource.get(0).labels.getOrDefault("instance", "");
    assertFalse(instance.isEmpty(), "target_info has an instance: " + resource);
    eventually("every series aitap emits has job " + DemoJvm.SERVICE + " and instance " + instance,
        () -> prometheus().query("count by (job, instance) (" + AITAP_SERIES + ")"),
        samples -> samples.size() == 1 && samples.get(0).labels.equals(Map.of("job", DemoJvm.SERVICE, "instance", instance)));
  }

  /** An SLO of {@code service: aitap-demo} counts the demo's calls (a fifth of them rate-limited), and one of another service none. */
  @Test
  void anSloOfTheServiceSelectsItsCalls(@TempDir Path directory) throws Exception {
    String series = "aitap_slo:sli_error:ratio_rate5m";
    String demo = SloRules.generate(directory, "demo", slo(DemoJvm.SERVICE)).expression(series);
    assertTrue(demo.contains("job=\"" + DemoJvm.SERVICE + "\""), demo);
    eventually(demo + " > 0", () -> prometheus().query(demo), samples -> samples.size() == 1 && samples.get(0).value > 0);
    String other = SloRules.generate(directory, "other", slo("checkout")).expression(series);
    List<PrometheusApi.Sample> none = prometheus().query(other);
    assertTrue(none.isEmpty(), other + " = " + none);
  }

  private static String slo(String service) {
    return String.join("\n",
        "slos:",
        "  - name: errors",
        "    selector: {service: " + service + "}",
        "    availability:",
        "      - objective: 99",
        "");
  }
}
