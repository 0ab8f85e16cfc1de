package io.aitap.smoke.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prometheus' HTTP API (instant queries, rules, alerts), as Grafana and people read it. */
final class PrometheusApi {

  /** One element of an instant vector, or the value of a scalar (no labels). */
  static final class Sample {
    final Map<String, String> labels;
    final double value;

    Sample(Map<String, String> labels, double value) {
      this.labels = labels;
      this.value = value;
    }

    @Override
    public String toString() {
      return labels + " " + value;
    }
  }

  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  PrometheusApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** True once Prometheus has loaded its configuration and rules and serves queries. */
  boolean ready() {
    return ready(client, baseUrl);
  }

  /** True once the Prometheus or Alertmanager at {@code baseUrl} answers its readiness probe, {@code /-/ready}, with 200. */
  static boolean ready(HttpClient client, String baseUrl) {
    return answers200(client, baseUrl + "/-/ready");
  }

  /** True when a GET of {@code url} answers 200: how the Prometheus family's servers say they are up. */
  static boolean answers200(HttpClient client, String url) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An instant query now; a query Prometheus rejects fails the test with Prometheus' reason. */
  List<Sample> query(String promql) {
    JsonNode data = call("/api/v1/query", "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    List<Sample> samples = new ArrayList<>();
    if (data.path("resultType").asText().equals("scalar")) {
      samples.add(new Sample(Map.of(), number(data.path("result").path(1))));
      return samples;
    }
    for (JsonNode element : data.path("result")) {
      Map<String, String> labels = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = element.path("metric").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> label = it.next();
        labels.put(label.getKey(), label.getValue().asText());
      }
      samples.add(new Sample(labels, number(element.path("value").path(1))));
    }
    return samples;
  }

  /** {@code data.groups} of {@code /api/v1/rules}: every loaded rule with its health and last error. */
  JsonNode ruleGroups() {
    return call("/api/v1/rules", null).path("groups");
  }

  /** {@code data.alerts} of {@code /api/v1/alerts}: pending and firing alerts with their labels. */
  JsonNode alerts() {
    return call("/api/v1/alerts", null).path("alerts");
  }

  /** The release of the Prometheus answering ({@code /api/v1/status/buildinfo}). */
  String version() {
    return call("/api/v1/status/buildinfo", null).path("version").asText();
  }

  private JsonNode call(String path, String form) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (form != null) {
      request.header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = json.readTree(response.body());
      if (!body.path("status").asText().equals("success")) {
        throw new AssertionError("Prometheus answered " + response.statusCode() + " to " + path + " " + form + ": " + response.body());
      }
      return body.path("data");
    } catch (IOException e) {
      throw new AssertionError("Prometheus at " + baseUrl + " did not answer " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Prometheus writes sample values as strings, NaN and ±Inf included. */
  private static double number(JsonNode value) {
    return Double.parseDouble(value.asText().replace("Inf", "Infinity"));
  }

  @Override
  public String toString() {
    return "Prometheus at " + baseUrl;
  }
}
