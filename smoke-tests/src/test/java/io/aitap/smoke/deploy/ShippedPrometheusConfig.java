package io.aitap.smoke.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/prometheus/prometheus.yml} made to run on loopback within a test's minutes: each
 * target moves to a loopback port, the scrape and evaluation intervals drop to a second (as the
 * rule copies' groups do; a scrape timeout too, since none may exceed its interval), and the rule
 * files load from copies beside it. Everything else (jobs,
 * {@code honor_labels}, the rule glob) is as shipped.
 */
final class ShippedPrometheusConfig {

  static final Path SHIPPED = Paths.get("../deploy/prometheus/prometheus.yml").toAbsolutePath().normalize();

  private static final Pattern TARGET = Pattern.compile("\"([\\w.\\-]+:\\d+)\"");
  private static final Pattern INTERVAL = Pattern.compile("(?m)^(\\s*(?:scrape_interval|evaluation_interval|scrape_timeout):\\s*)\\S+");

  private ShippedPrometheusConfig() {}

  /**
   * Writes {@code work/prometheus.yml} and the rule copies in {@code work/rules}; {@code targets}
   * maps a shipped target ({@code otel-collector:8889}) to its loopback address, and every other
   * target goes to a loopback port nothing listens on.
   */
  static Path write(Path work, Map<String, String> targets) throws IOException {
    String shipped = Files.readString(SHIPPED, StandardCharsets.UTF_8);
    Matcher target = TARGET.matcher(INTERVAL.matcher(shipped).replaceAll("$11s"));
    StringBuilder config = new StringBuilder();
    while (target.find()) {
      String loopback = targets.get(target.group(1));
      if (loopback == null) {
        loopback = "127.0.0.1:" + LocalPrometheus.freeLoopbackPort();
      }
      target.appendReplacement(config, Matcher.quoteReplacement("\"" + loopback + "\""));
    }
    target.appendTail(config);
    Path file = work.resolve("prometheus.yml");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    RuleFiles.copyEvaluatedEverySecond(Files.createDirectories(work.resolve("rules")));
    return file;
  }
}
