package io.aitap.smoke.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the exporters that print ({@code logging-otlp}, {@code console}) wrote, read back from a
 * JVM's output whatever prefix a line has: the spans, and how many values a histogram recorded
 * (each export of a metric carries the cumulative totals, so the last one counts).
 */
public final class PrintedTelemetry {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONSOLE_SPAN = Pattern.compile("'[^']*' : [0-9a-f]{32} ([0-9a-f]{16}) CLIENT ");
  private static final Pattern CONSOLE_COUNT = Pattern.compile("[ ,{](?:getC|c)ount=(\\d+)");

  private PrintedTelemetry() {}

  /** The span ids in the {@code logging-otlp} exporter's JSON lines. */
  public static Set<String> otlpJsonSpans(String output) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode resource : otlpJson(output, "\"scopeSpans\"")) {
      for (JsonNode scope : resource.path("scopeSpans")) {
        for (JsonNode span : scope.path("spans")) {
          ids.add(span.path("spanId").asText());
        }
      }
    }
    return ids;
  }

  /** The values recorded by this histogram in the last {@code logging-otlp} export of it. */
  public static long otlpJsonRecordings(String output, String histogram) {
    long last = 0;
    for (JsonNode resource : otlpJson(output, "\"" + histogram + "\"")) {
      long count = 0;
      for (JsonNode scope : resource.path("scopeMetrics")) {
        for (JsonNode metric : scope.path("metrics")) {
          if (metric.path("name").asText().equals(histogram)) {
            for (JsonNode point : metric.path("histogram").path("dataPoints")) {
              count += point.path("count").asLong();
            }
          }
        }
      }
      last = count;
    }
    return last;
  }

  /** The span ids in the {@code console} exporter's lines. */
  public static Set<String> consoleSpans(String output) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher span = CONSOLE_SPAN.matcher(output);
    while (span.find()) {
      ids.add(span.group(1));
    }
    return ids;
  }

  /** The values recorded by this histogram in the {@code console} exporter's last line about it. */
  public static long consoleRecordings(String output, String histogram) {
    long last = 0;
    for (String line : output.split("\n")) {
      if (line.contains("name=" + histogram + ",")) {
        long count = 0;
        Matcher points = CONSOLE_COUNT.matcher(line);
        while (points.find()) {
          count += Long.parseLong(points.group(1));
        }
        last = count;
      }
    }
    return last;
  }

  /** Each JSON object of a line that mentions {@code marker}, read from its first brace. */
  private static List<JsonNode> otlpJson(String output, String marker) {
    List<JsonNode> objects = new ArrayList<>();
    for (String line : output.split("\n")) {
      int start = line.indexOf("{\"resource\"");
      if (start >= 0 && line.contains(marker)) {
        try {
          objects.add(JSON.readTree(line.substring(start)));
        } catch (IOException e) {
          throw new UncheckedIOException("not a logging-otlp line: " + line, e);
        }
      }
    }
    return objects;
  }
}
