package io.aitap.smoke.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credentials an application sends each provider, the way the provider takes them: a bearer
 * token, Anthropic's {@code x-api-key}, Gemini's {@code x-goog-api-key} header and {@code key} query
 * parameter, Azure's {@code api-key}, an AWS signature and session token. None may ever show up in
 * telemetry; each contains {@link #MARKER}, so one search of everything exported finds any of them.
 */
public final class ApiKeys {

  static final String MARKER = "DO-NOT-RECORD";

  public static final String BEARER_TOKEN = "sk-smoke-" + MARKER + "-7f3a9c1e5b";
  static final String ANTHROPIC_KEY = "sk-ant-smoke-" + MARKER + "-2b8d4f6a1c";
  static final String GOOGLE_HEADER_KEY = "AIzaSmokeHeader-" + MARKER + "-9e1c3a5b7d";
  /** Gemini also takes its key in the URL, which aitap therefore never records. */
  static final String GOOGLE_QUERY_KEY = "AIzaSmokeQuery-" + MARKER + "-3c5e7a9b1d";
  static final String GOOGLE_OAUTH_TOKEN = "ya29.smoke-" + MARKER + "-8a0c2e4f6b";
  static final String AZURE_KEY = "azure-smoke-" + MARKER + "-4d6f8a0c2e";
  static final String AWS_SIGNATURE = "smoke" + MARKER + "5e7a9c1b3d";
  static final String AWS_SESSION_TOKEN = "IQoJb3JpZ2luSmoke-" + MARKER + "-6f8b0d2a4c";

  private ApiKeys() {}

  /** The headers that carry the application's credentials to the fixture's provider. */
  static Map<String, String> headers(Fixture fixture) {
    Map<String, String> headers = new LinkedHashMap<>();
    switch (fixture.provider()) {
      case "anthropic":
        headers.put("x-api-key", ANTHROPIC_KEY);
        headers.put("anthropic-version", "2023-06-01");
        break;
      case "gemini":
        headers.put("x-goog-api-key", GOOGLE_HEADER_KEY);
        break;
      case "vertex":
        headers.put("Authorization", "Bearer " + GOOGLE_OAUTH_TOKEN);
        break;
      case "azure-openai":
        headers.put("api-key", AZURE_KEY);
        break;
      case "aws-bedrock":
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=AKIASMOKEEXAMPLE/20251130/us-east-1/bedrock/"
            + "aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=" + AWS_SIGNATURE);
        headers.put("X-Amz-Date", "20251130T081500Z");
        headers.put("X-Amz-Security-Token", AWS_SESSION_TOKEN);
        break;
      default:
        headers.put("Authorization", "Bearer " + BEARER_TOKEN);
    }
    return headers;
  }

  /** The path and query the request goes to: the recorded one, and for Gemini the key in the query. */
  public static String pathAndQuery(Fixture fixture) {
    String recorded = fixture.pathAndQuery();
    if (!fixture.provider().equals("gemini")) {
      return recorded;
    }
    return recorded + (recorded.indexOf('?') < 0 ? "?" : "&") + "key=" + GOOGLE_QUERY_KEY;
  }
}
