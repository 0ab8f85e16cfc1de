package io.aitap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One program of the comparison: calls the loopback provider in a loop, then prints what the
 * measured calls cost the whole process (CPU time and bytes allocated over all threads, per call),
 * how fast they went, and for streams the time to the first chunk the application reads.
 */
public final class Workload {

  private static final MediaType JSON = MediaType.get("application/json");

  private final String base;
  private final HttpClient jdk = HttpClient.newHttpClient();
  private OkHttpClient okhttp;

  private Workload(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Arguments: workload (startup, plain, chat-jdk, chat-okhttp, paced, bulk), provider port, calls. */
  public static void main(String[] args) throws Exception {
    String workload = args[0];
    Workload program = new Workload(Integer.parseInt(args[1]));
    int calls = Integer.parseInt(args[2]);
    if (workload.equals("startup")) {
      program.call("chat-jdk");
      System.out.printf("cpu_ms=%d rss_kb=%d%n", processCpuNanos() / 1_000_000, peakRssKb());
      return;
    }
    for (int i = 0; i < Math.max(calls / 4, 20); i++) {
      program.call(workload);
    }
    long bytesBefore = allocatedBytes();
    long cpuBefore = processCpuNanos();
    long start = System.nanoTime();
    long firstChunkNanos = 0;
    long bytes = 0;
    for (int i = 0; i < calls; i++) {
      long[] result = program.call(workload);
      firstChunkNanos += result[0];
      bytes += result[1];
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / calls;
    double allocated = (double) (allocatedBytes() - bytesBefore) / calls;
    System.out.printf("calls_per_s=%.1f cpu_us_per_call=%.1f alloc_b_per_call=%.0f ttfc_ms=%.2f mib_per_s=%.1f%n",
        calls / seconds, cpuMicros, allocated, firstChunkNanos / 1e6 / calls, bytes / seconds / (1 << 20));
  }

  /** One call; returns nanoseconds to the first chunk read (streams) and the body bytes read. */
  private long[] call(String workload) throws IOException, InterruptedException {
    switch (workload) {
      case "plain":
        return new long[] {0, jdk.send(HttpRequest.newBuilder(URI.create(base + "/api/orders/42")).build(),
            HttpResponse.BodyHandlers.ofByteArray()).body().length};
      case "chat-jdk":
        return new long[] {0, jdk.send(post(Bodies.CHAT_REQUEST), HttpResponse.BodyHandlers.ofByteArray()).body().length};
      case "chat-okhttp":
        return new long[] {0, okhttp(Bodies.CHAT_REQUEST)};
      case "paced":
        return stream(Bodies.PACED_REQUEST);
      case "bulk":
        return stream(Bodies.BULK_REQUEST);
      default:
        throw new IllegalArgumentException("no workload " + workload);
    }
  }

  private HttpRequest post(byte[] body) {
    return HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private long okhttp(byte[] body) throws IOException {
    if (okhttp == null) {
      okhttp = new OkHttpClient();
    }
    Request request = new Request.Builder().url(base + "/v1/chat/completions").post(RequestBody.create(body, JSON)).build();
    try (Response response = okhttp.newCall(request).execute()) {
      return response.body().bytes().length;
    }
  }

  /** Reads the stream as an application does, line by line, noting when the first data line came. */
  private long[] stream(byte[] body) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<InputStream> response = jdk.send(post(body), HttpResponse.BodyHandlers.ofInputStream());
    long firstChunk = -1;
    long bytes = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (firstChunk < 0 && line.startsWith("data:")) {
          firstChunk = System.nanoTime() - start;
        }
        bytes += line.length() + 1;
      }
    }
    return new long[] {firstChunk, bytes};
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Bytes allocated by the live threads so far: the application's, the client's and any agent's. */
  private static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0).sum();
  }

  private static long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
