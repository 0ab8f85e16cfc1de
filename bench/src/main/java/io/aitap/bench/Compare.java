package io.aitap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole-process comparison bench/run prints: each workload run as a program of its own
 * without an agent, with aitap (no export), with aitap exporting OTLP to the loopback sink, and
 * with the OpenTelemetry Java agent exporting there too; the four interleaved round after round
 * so that the machine's changing load falls on all alike. Prints medians and ratios to no agent.
 */
public final class Compare {

  private static final List<String> ALL_WORKLOADS = List.of("startup", "plain", "chat-jdk", "chat-okhttp", "paced", "bulk");
  private static final String[] METRICS = {"wall_ms", "cpu_ms", "rss_kb", "calls_per_s", "cpu_us_per_call",
      "alloc_b_per_call", "ttfc_ms", "mib_per_s"};

  private Compare() {}

  /**
   * Arguments: aitap jar, OpenTelemetry agent jar, class path of the programs, rounds, calls per
   * run, and optionally the workloads to run, comma-separated (all of them when absent or empty).
   */
  public static void main(String[] args) throws Exception {
    String aitap = args[0];
    String otel = args[1];
    String classPath = args[2];
    int rounds = Integer.parseInt(args[3]);
    int calls = Integer.parseInt(args[4]);
    List<String> workloads = args.length > 5 && !args[5].isBlank() ? List.of(args[5].split(",")) : ALL_WORKLOADS;
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process provider = new ProcessBuilder(java, "-cp", classPath, LoopbackProvider.class.getName())
        .redirectErrorStream(true).start();
    BufferedReader providerOut = new BufferedReader(new InputStreamReader(provider.getInputStream(), StandardCharsets.UTF_8));
    String port = providerOut.readLine().replace("port=", "");
    String sink = "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:" + port;
    Map<String, List<String>> modes = new LinkedHashMap<>();
    modes.put("none", List.of());
    modes.put("aitap", List.of("-javaagent:" + aitap, "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
        "-Dotel.logs.exporter=none"));
    modes.put("aitap+otlp", List.of("-javaagent:" + aitap, sink));
    modes.put("otel-agent", List.of("-javaagent:" + otel, sink));
    // workload -> mode -> metric -> one value per round
    Map<String, Map<String, Map<String, List<Double>>>> results = new LinkedHashMap<>();
    try {
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(modes.keySet());
        Collections.rotate(order, round);
        for (String workload : workloads) {
          for (String mode : order) {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
            command.addAll(modes.get(mode));
            command.addAll(List.of("-cp", classPath, Workload.class.getName(), workload, port,
                String.valueOf(workload.equals("bulk") ? Math.max(calls / 100, 5) : workload.equals("paced") ? Math.max(calls / 50, 10) : calls)));
            Map<String, Double> run = run(command);
            run.forEach((metric, value) -> results.computeIfAbsent(workload, w -> new LinkedHashMap<>())
                .computeIfAbsent(mode, m -> new TreeMap<>()).computeIfAbsent(metric, m -> new ArrayList<>()).add(value));
          }
        }
        System.err.printf("round %d of %d done%n", round + 1, rounds);
      }
    } finally {
      provider.destroy();
    }
    print(results, modes.keySet(), rounds, calls);
  }

  private static Map<String, Double> run(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    double wallMs = (System.nanoTime() - start) / 1e6;
    Map<String, Double> values = new LinkedHashMap<>();
    String last = null;
    for (String line : output.split("\n")) {
      if (line.contains("=") && (line.startsWith("calls_per_s=") || line.startsWith("cpu_ms="))) {
        last = line;
      }
    }
    if (exit != 0 || last == null) {
      throw new IllegalStateException("failed (" + exit + "): " + String.join(" ", command) + "\n" + output);
    }
    for (String pair : last.trim().split(" ")) {
      String[] kv = pair.split("=");
      values.put(kv[0], Double.parseDouble(kv[1]));
    }
    if (values.containsKey("cpu_ms")) {
      values.put("wall_ms", wallMs);
    }
    return values;
  }

  private static void print(Map<String, Map<String, Map<String, List<Double>>>> results, Iterable<String> modes,
      int rounds, int calls) {
    System.out.printf(Locale.ROOT, "%nmedians of %d interleaved rounds, %d calls per run; load average now %s;"
        + " ratio = value / value without an agent%n", rounds, calls, loadAverage());
    StringBuilder header = new StringBuilder(String.format("%-12s %-17s", "workload", "metric"));
    for (String mode : modes) {
      header.append(String.format("%14s %7s", mode, "ratio"));
    }
    System.out.println(header);
    results.forEach((workload, byMode) -> {
      for (String metric : METRICS) {
        Map<String, List<Double>> none = byMode.get("none");
        if (!none.containsKey(metric) || (metric.equals("ttfc_ms") && !workload.equals("paced"))
            || (metric.equals("mib_per_s") && !workload.equals("bulk"))) {
          continue;
        }
        double base = median(none.get(metric));
        StringBuilder line = new StringBuilder(String.format("%-12s %-17s", workload, metric));
        for (String mode : modes) {
          double value = median(byMode.get(mode).get(metric));
          line.append(String.format(Locale.ROOT, "%14.1f %7.2f", value, base == 0 ? Double.NaN : value / base));
        }
        System.out.println(line);
      }
    });
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String loadAverage() {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/loadavg")), StandardCharsets.UTF_8).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
