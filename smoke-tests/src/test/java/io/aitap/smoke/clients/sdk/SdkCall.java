package io.aitap.smoke.clients.sdk;

import io.aitap.smoke.clients.PlannedCall;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call an SDK program makes, read from its planned call: the SDK method ({@code operation}),
 * the model, where the provider is, the API key, and the headers the fake provider and the test
 * match calls by, which the program passes as the SDK's own extra headers. The SDK writes the
 * request itself.
 */
public final class SdkCall {

  /** Where providers other than the bearer-token ones take their key. */
  private static final List<String> KEY_HEADERS = List.of("x-api-key", "x-goog-api-key", "api-key");
  private static final Set<String> TEST_HEADERS = Set.of("X-Fixture", PlannedCall.CALL_ID_HEADER);
  private static final String BEARER = "Bearer ";
  private static final String AWS_CREDENTIAL = "AWS4-HMAC-SHA256 Credential=";

  private final PlannedCall planned;
  private final String operation;
  private final String model;

  SdkCall(PlannedCall planned) {
    this.planned = planned;
    String[] style = planned.style().split(" ", 2);
    this.operation = style[0];
    this.model = style.length > 1 ? style[1] : null;
  }

  public String id() {
    return planned.id();
  }

  public String operation() {
    return operation;
  }

  public String model() {
    return model;
  }

  /** {@code scheme://host:port} of the provider, e.g. {@code https://api.openai.com:40123}. */
  public String origin() {
    URI uri = planned.uri();
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
  }

  public URI uri() {
    return planned.uri();
  }

  /**
   * The key the plan gives the call, whichever header its provider takes it in (for AWS, the access
   * key id); the SDK sends it its own way.
   */
  public String apiKey() {
    Map<String, String> headers = planned.headers();
    String authorization = headers.get("Authorization");
    if (authorization != null && authorization.startsWith(BEARER)) {
      return authorization.substring(BEARER.length());
    }
    if (authorization != null && authorization.startsWith(AWS_CREDENTIAL)) {
      // the access key id: the SDK signs with it (and a secret of the program's own)
      String credential = authorization.substring(AWS_CREDENTIAL.length());
      return credential.substring(0, credential.indexOf('/'));
    }
    for (String name : KEY_HEADERS) {
      if (headers.containsKey(name)) {
        return headers.get(name);
      }
    }
    throw new IllegalStateException("no API key among the headers of " + planned);
  }

  /** The test's own headers (fixture and call id), for the SDK to add to its request. */
  public Map<String, String> extraHeaders() {
    Map<String, String> extra = new LinkedHashMap<>();
    planned.headers().forEach((name, value) -> {
      if (TEST_HEADERS.contains(name)) {
        extra.put(name, value);
      }
    });
    return extra;
  }

  @Override
  public String toString() {
    return planned.toString();
  }
}
