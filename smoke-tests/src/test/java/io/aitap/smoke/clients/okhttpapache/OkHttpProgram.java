package io.aitap.smoke.clients.okhttpapache;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * An application using OkHttp, written against the API OkHttp 3.12 to 5.x share so one build runs
 * on each version's class path. The style of a planned call is {@code execute:<read>} or
 * {@code enqueue:<read>}, the body read as a {@code string}, as {@code bytes}, from the
 * {@code byteStream} in odd-sized pieces, or line by line from the {@code source} (as SSE clients
 * built on Okio do).
 */
public final class OkHttpProgram {

  private static final long TIMEOUT_SECONDS = 30;

  private final OkHttpClient client =
      new OkHttpClient.Builder().readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).build();

  public static void main(String[] args) throws Exception {
    OkHttpProgram program = new OkHttpProgram();
    try {
      PlanRunner.run(args, program::call);
    } finally {
      program.client.dispatcher().executorService().shutdown();
      program.client.connectionPool().evictAll();
    }
  }

  private CallReport call(PlannedCall planned) throws Exception {
    String[] style = planned.style().split(":");
    Call call = client.newCall(request(planned));
    Response response = style[0].equals("enqueue") ? enqueued(call) : call.execute();
    try (Response r = response) {
      return CallReport.completed(planned.id(), r.code(), read(r, style[1]), PlanRunner.requestSha256(planned));
    }
  }

  private static Request request(PlannedCall planned) {
    Request.Builder builder = new Request.Builder().url(planned.uri().toString());
    String contentType = null;
    for (Map.Entry<String, String> header : planned.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = header.getValue();
      }
    }
    RequestBody body =
        planned.hasBody() ? RequestBody.create(MediaType.parse(contentType), planned.body()) : null;
    return builder.method(planned.method(), body).build();
  }

  private static Response enqueued(Call call) throws Exception {
    CompletableFuture<Response> response = new CompletableFuture<>();
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call failed, IOException e) {
        response.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call answered, Response r) {
        response.complete(r);
      }
    });
    return response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static String read(Response response, String how) throws IOException {
    switch (how) {
      case "string":
        return BodyDigest.ofUtf8(response.body().string());
      case "bytes":
        return BodyDigest.of(response.body().bytes());
      case "byteStream":
        return PieceReader.digest(response.body().byteStream());
      case "source":
        return readLines(response.body().source());
      default:
        throw new IllegalArgumentException("unknown way of reading " + how);
    }
  }

  private static String readLines(BufferedSource source) throws IOException {
    BodyDigest digest = new BodyDigest();
    for (String line; (line = source.readUtf8Line()) != null; ) {
      digest.updateLine(line);
    }
    return digest.hex();
  }
}
