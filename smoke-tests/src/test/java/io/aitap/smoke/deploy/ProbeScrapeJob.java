package io.aitap.smoke.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The scrape job of {@code deploy/prometheus/prometheus.yml} that drives the blackbox exporter. */
final class ProbeScrapeJob {

  static final Path PROMETHEUS_YML = Paths.get("../deploy/prometheus/prometheus.yml").toAbsolutePath().normalize();
  static final String NAME = "ai-endpoint-probes";
  static final String PROVIDER_LABEL = "gen_ai_provider_name";

  private ProbeScrapeJob() {}

  /** The job as shipped. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> shipped() {
    Map<String, Object> config;
    try {
      config = (Map<String, Object>) new Load(LoadSettings.builder().build())
          .loadFromString(Files.readString(PROMETHEUS_YML, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
      if (NAME.equals(job.get("job_name"))) {
        return job;
      }
    }
    throw new AssertionError("no job " + NAME + " in " + PROMETHEUS_YML);
  }

  /** The blackbox exporter module the shipped job asks for. */
  static String module() {
    return ((List<?>) ((Map<?, ?>) shipped().get("params")).get("module")).get(0).toString();
  }

  /** The shipped job's target groups, each with its labels. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> shippedTargetGroups() {
    return (List<Map<String, Object>>) shipped().get("static_configs");
  }

  /**
   * The shipped job, relabelling and module as they are, with other targets (URL to provider
   * name), the exporter at {@code exporter}, and scraped every {@code interval}.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> pointedAt(Map<String, String> targets, String exporter, String interval) {
    Map<String, Object> job = new LinkedHashMap<>(shipped());
    job.put("scrape_interval", interval);
    job.put("scrape_timeout", interval);
    List<Map<String, Object>> groups = new ArrayList<>();
    targets.forEach((url, provider) -> groups.add(Map.of("targets", List.of(url), "labels", Map.of(PROVIDER_LABEL, provider))));
    job.put("static_configs", groups);
    List<Map<String, Object>> relabelling = new ArrayList<>();
    int exporterAddresses = 0;
    for (Map<String, Object> rule : (List<Map<String, Object>>) job.get("relabel_configs")) {
      if ("__address__".equals(rule.get("target_label")) && rule.containsKey("replacement")) {
        rule = new LinkedHashMap<>(rule);
        rule.put("replacement", exporter);
        exporterAddresses++;
      }
      relabelling.add(rule);
    }
    if (exporterAddresses != 1) {
      throw new AssertionError(NAME + " in " + PROMETHEUS_YML + " should set __address__ to the exporter once: " + relabelling);
    }
    job.put("relabel_configs", relabelling);
    return job;
  }
}
