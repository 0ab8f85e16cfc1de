package io.aitap.smoke.clients.sdk;

import io.aitap.smoke.clients.PlannedCall;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call an SDK program makes, read from its planned call: the SDK method ({@code operation}),
 * the model, where the provider is, the API key, and the headers the fake provider and the test
 * match calls by, which the program passes as the SDK's own extra headers. The SDK writes the
 * request itself.
 */
public final class SdkCall {

  private static final String BEARER = "Bearer ";

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

  public String apiKey() {
    return planned.headers().get("Authorization").substring(BEARER.length());
  }

  /** The test's own headers (fixture and call id), for the SDK to add to its request. */
  public Map<String, String> extraHeaders() {
    Map<String, String> extra = new LinkedHashMap<>();
    planned.headers().forEach((name, value) -> {
      if (name.startsWith("X-")) {
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
