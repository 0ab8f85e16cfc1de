package io.aitap.agent.protocol;

/**
 * Error types for providers whose error bodies carry no type of their own (Ollama's
 * {@code {"error": "…"}}, Cohere's {@code {"message": "…"}}): the status, named as in HTTP.
 */
public final class HttpStatusNames {

  private HttpStatusNames() {}

  public static String of(int status) {
    switch (status) {
      case 400: return "bad_request";
      case 401: return "unauthorized";
      case 402: return "payment_required";
      case 403: return "forbidden";
      case 404: return "not_found";
      case 408: return "request_timeout";
      case 409: return "conflict";
      case 413: return "payload_too_large";
      case 422: return "unprocessable_entity";
      case 429: return "too_many_requests";
      case 500: return "internal_server_error";
      case 502: return "bad_gateway";
      case 503: return "service_unavailable";
      case 504: return "gateway_timeout";
      case 529: return "overloaded";
      default: return Integer.toString(status);
    }
  }
}
