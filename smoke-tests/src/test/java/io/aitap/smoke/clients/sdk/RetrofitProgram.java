package io.aitap.smoke.clients.sdk;

import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.clients.okhttpapache.PieceReader;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.http.Body;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.Streaming;

/**
 * An application that calls an OpenAI-compatible API through a Retrofit interface of its own, as
 * many do for a relay: {@code chat}, {@code chat-stream} (a {@code @Streaming} body read as it
 * arrives) and {@code embeddings}, the request body the test wrote, the response body as bytes.
 */
public final class RetrofitProgram {

  private static final MediaType JSON = MediaType.get("application/json");

  /** The relay's API, as the application declares it. */
  interface OpenAiCompatibleApi {
    @POST("chat/completions")
    Call<ResponseBody> chat(@HeaderMap Map<String, String> headers, @Body RequestBody body);

    @Streaming
    @POST("chat/completions")
    Call<ResponseBody> chatStream(@HeaderMap Map<String, String> headers, @Body RequestBody body);

    @POST("embeddings")
    Call<ResponseBody> embeddings(@HeaderMap Map<String, String> headers, @Body RequestBody body);
  }

  public static void main(String[] args) throws Exception {
    OkHttpClient okHttp = new OkHttpClient();
    try {
      PlanRunner.run(args, planned -> call(okHttp, planned));
    } finally {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  private static CallReport call(OkHttpClient okHttp, PlannedCall planned) throws Exception {
    URI uri = planned.uri();
    OpenAiCompatibleApi api = new Retrofit.Builder()
        .baseUrl(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + "/v1/")
        .client(okHttp)
        .build()
        .create(OpenAiCompatibleApi.class);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(planned.headers());
    headers.remove("Content-Type");
    RequestBody body = RequestBody.create(planned.body(), JSON);
    Call<ResponseBody> call;
    switch (planned.style()) {
      case "chat":
        call = api.chat(headers, body);
        break;
      case "chat-stream":
        call = api.chatStream(headers, body);
        break;
      case "embeddings":
        call = api.embeddings(headers, body);
        break;
      default:
        throw new IllegalArgumentException("unknown operation " + planned.style());
    }
    Response<ResponseBody> response = call.execute();
    try (ResponseBody responseBody = response.isSuccessful() ? response.body() : response.errorBody()) {
      return CallReport.completed(planned.id(), response.code(), PieceReader.digest(responseBody.byteStream()),
          PlanRunner.requestSha256(planned));
    }
  }
}
