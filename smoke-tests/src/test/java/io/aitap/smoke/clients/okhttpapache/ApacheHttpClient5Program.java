package io.aitap.smoke.clients.okhttpapache;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;

/**
 * An application using Apache HttpClient 5 (5.1 and later), classic and async. The style of a
 * planned call is {@code classic:handler}, {@code classic:stream} (the content stream read in
 * pieces), {@code async:simple} ({@code SimpleHttpResponse}) or {@code async:stream} (a streaming
 * binary consumer).
 */
public final class ApacheHttpClient5Program {

  private static final long TIMEOUT_SECONDS = 30;

  public static void main(String[] args) throws Exception {
    try (CloseableHttpClient classic = HttpClients.createDefault();
        CloseableHttpAsyncClient async = HttpAsyncClients.createDefault()) {
      async.start();
      PlanRunner.run(args, planned -> planned.style().startsWith("classic:")
          ? classic(classic, planned)
          : async(async, planned));
      async.close(CloseMode.GRACEFUL);
    }
  }

  private static CallReport classic(CloseableHttpClient client, PlannedCall planned) throws Exception {
    ClassicRequestBuilder builder = ClassicRequestBuilder.create(planned.method()).setUri(planned.uri());
    planned.headers().forEach(builder::setHeader);
    if (planned.hasBody()) {
      builder.setEntity(new ByteArrayEntity(planned.body(), contentType(planned)));
    }
    ClassicHttpRequest request = builder.build();
    String requestSha256 = PlanRunner.requestSha256(planned);
    if (planned.style().equals("classic:handler")) {
      return client.execute(request, response -> CallReport.completed(
          planned.id(), response.getCode(), digest(response.getEntity()), requestSha256));
    }
    try (CloseableHttpResponse response = client.execute(request)) {
      HttpEntity entity = response.getEntity();
      String digest = entity == null ? new BodyDigest().hex() : PieceReader.digest(entity.getContent());
      return CallReport.completed(planned.id(), response.getCode(), digest, requestSha256);
    }
  }

  private static CallReport async(CloseableHttpAsyncClient client, PlannedCall planned) throws Exception {
    SimpleHttpRequest request = SimpleHttpRequest.create(planned.method(), planned.uri());
    for (Map.Entry<String, String> header : planned.headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Content-Type")) {
        request.setHeader(header.getKey(), header.getValue());
      }
    }
    if (planned.hasBody()) {
      request.setBody(planned.body(), contentType(planned));
    }
    String requestSha256 = PlanRunner.requestSha256(planned);
    if (planned.style().equals("async:simple")) {
      SimpleHttpResponse response = client.execute(
          SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), null)
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      byte[] body = response.getBodyBytes();
      return CallReport.completed(planned.id(), response.getCode(), BodyDigest.of(body == null ? new byte[0] : body),
          requestSha256);
    }
    return client.execute(SimpleRequestProducer.create(request), new DigestingConsumer(planned.id(), requestSha256), null)
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static ContentType contentType(PlannedCall planned) {
    for (Map.Entry<String, String> header : planned.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        return ContentType.parse(header.getValue());
      }
    }
    return ContentType.APPLICATION_OCTET_STREAM;
  }

  private static String digest(HttpEntity entity) throws IOException {
    return BodyDigest.of(entity == null ? new byte[0] : EntityUtils.toByteArray(entity));
  }

  /** A streaming consumer that hashes each buffer as it arrives, as an SSE client built on HttpClient 5 would. */
  private static final class DigestingConsumer extends AbstractBinResponseConsumer<CallReport> {
    private final String id;
    private final String requestSha256;
    private final BodyDigest digest = new BodyDigest();
    private int status;

    DigestingConsumer(String id, String requestSha256) {
      this.id = id;
      this.requestSha256 = requestSha256;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
      status = response.getCode();
    }

    @Override
    protected int capacityIncrement() {
      return Integer.MAX_VALUE;
    }

    @Override
    protected void data(ByteBuffer data, boolean endOfStream) {
      digest.update(data);
    }

    @Override
    protected CallReport buildResult() {
      return CallReport.completed(id, status, digest.hex(), requestSha256);
    }

    @Override
    public void releaseResources() {}
  }
}
