package io.aitap.smoke.clients.okhttpapache;

import io.aitap.smoke.clients.BodyDigest;
import io.aitap.smoke.clients.CallReport;
import io.aitap.smoke.clients.PlanRunner;
import io.aitap.smoke.clients.PlannedCall;
import java.io.IOException;
import java.util.Map;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * An application using Apache HttpClient 4.5 (4.5.0 and later). The style of a planned call is
 * {@code handler} (a response handler reads the entity whole) or {@code stream} (the application
 * reads the entity's content stream and closes the response).
 */
public final class ApacheHttpClient4Program {

  public static void main(String[] args) throws Exception {
    try (CloseableHttpClient client = HttpClients.createDefault()) {
      PlanRunner.run(args, planned -> call(client, planned));
    }
  }

  private static CallReport call(CloseableHttpClient client, PlannedCall planned) throws Exception {
    RequestBuilder builder = RequestBuilder.create(planned.method()).setUri(planned.uri());
    String contentType = null;
    for (Map.Entry<String, String> header : planned.headers().entrySet()) {
      builder.setHeader(header.getKey(), header.getValue());
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = header.getValue();
      }
    }
    if (planned.hasBody()) {
      builder.setEntity(new ByteArrayEntity(planned.body(), ContentType.parse(contentType)));
    }
    String requestSha256 = PlanRunner.requestSha256(planned);
    if (planned.style().equals("handler")) {
      return client.execute(builder.build(), response -> CallReport.completed(
          planned.id(), response.getStatusLine().getStatusCode(), digest(response.getEntity()), requestSha256));
    }
    try (CloseableHttpResponse response = client.execute(builder.build())) {
      HttpEntity entity = response.getEntity();
      String digest = entity == null ? new BodyDigest().hex() : PieceReader.digest(entity.getContent());
      return CallReport.completed(planned.id(), response.getStatusLine().getStatusCode(), digest, requestSha256);
    }
  }

  private static String digest(HttpEntity entity) throws IOException {
    return BodyDigest.of(entity == null ? new byte[0] : EntityUtils.toByteArray(entity));
  }
}
