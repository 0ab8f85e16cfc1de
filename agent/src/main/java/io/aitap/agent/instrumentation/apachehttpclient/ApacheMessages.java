package io.aitap.agent.instrumentation.apachehttpclient;

import static io.aitap.agent.instrumentation.common.LibraryMethods.call;
import static io.aitap.agent.instrumentation.common.LibraryMethods.method;

import io.aitap.agent.protocol.ResponseHead;
import java.net.URI;

/** Reads requests and responses of HttpClient 4.5 and 5.x, whichever the objects belong to. */
final class ApacheMessages {

  private ApacheMessages() {}

  /**
   * The request's absolute URI: HttpClient 5 keeps the path apart from the target host (and knows
   * the host itself when no target is given), 4.5 keeps whatever the application gave (absolute or
   * not) in the request line.
   */
  static URI uri(Object target, Object request) throws Exception {
    String uri;
    if (method(request, "getRequestUri", 0) != null) {
      if (target == null) {
        return (URI) call(request, "getUri");
      }
      uri = (String) call(request, "getRequestUri");
    } else {
      uri = (String) call(call(request, "getRequestLine"), "getUri");
    }
    if (uri.contains("://") || target == null) {
      return URI.create(uri);
    }
    return URI.create(call(target, "toURI") + (uri.startsWith("/") ? uri : "/" + uri));
  }

  static int status(Object response) throws Exception {
    return method(response, "getCode", 0) != null
        ? (Integer) call(response, "getCode")
        : (Integer) call(call(response, "getStatusLine"), "getStatusCode");
  }

  /** The first value of a header, or null; never throws (used for the response head too). */
  static String header(Object message, String name) {
    try {
      Object header = call(message, "getFirstHeader", name);
      return header == null ? null : (String) call(header, "getValue");
    } catch (Exception e) {
      return null;
    }
  }

  /** The request's entity, or null for requests that carry none (4.5's {@code HttpGet} has no such method). */
  static Object requestEntity(Object request) throws Exception {
    return method(request, "getEntity", 0) == null ? null : call(request, "getEntity");
  }

  /**
   * The response head as the application sees the body: with the content encoding and length of
   * the entity (or async entity details) it gets, not of the message. HttpClient undoes gzip
   * itself; 4.5 and 5.1 then drop those headers, 5.6 keeps them, describing bytes the application
   * never reads.
   */
  static ResponseHead head(Object response, Object entity) throws Exception {
    String encoding = entity == null ? null : contentEncoding(entity);
    String length = entity == null ? null : contentLength(entity);
    return new ResponseHead(
        status(response),
        name -> name.equalsIgnoreCase("content-encoding")
            ? encoding
            : name.equalsIgnoreCase("content-length") ? length : header(response, name));
  }

  private static String contentEncoding(Object entity) {
    try {
      Object encoding = call(entity, "getContentEncoding");
      if (encoding == null || encoding instanceof String) {
        return (String) encoding;
      }
      return (String) call(encoding, "getValue"); // 4.5: a Header
    } catch (Exception e) {
      return null;
    }
  }

  private static String contentLength(Object entity) {
    try {
      long length = (Long) call(entity, "getContentLength");
      return length < 0 ? null : Long.toString(length);
    } catch (Exception e) {
      return null;
    }
  }
}
