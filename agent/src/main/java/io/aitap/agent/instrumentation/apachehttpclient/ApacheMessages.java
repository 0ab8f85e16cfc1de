package io.aitap.agent.instrumentation.apachehttpclient;

import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;
import static io.aitap.agent.instrumentation.common.LibraryMethods.require;

import io.aitap.agent.instrumentation.common.LibraryApi;
import io.aitap.agent.protocol.ResponseHead;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URI;

/**
 * Reads and changes requests, responses and entities of one HttpClient, 4.5 or 5.x, whichever
 * the message at hand belongs to: the methods are resolved once per message class, from the
 * library's public interfaces as that class's loader sees them.
 */
final class ApacheMessages {

  private static final String CORE5 = "org.apache.hc.core5.http.";
  private static final String CORE4 = "org.apache.http.";

  private static final LibraryApi<ApacheMessages> BY_MESSAGE_CLASS =
      LibraryApi.resolvedBy("Apache HttpClient", ApacheMessages::new);

  /** HttpClient 5 keeps the path apart from the target host; 4.5 keeps it in the request line. */
  private final Method requestUri;
  private final Method uri;
  private final Method requestLine;
  private final Method requestLineUri;
  private final Method hostUri;
  private final Method code;
  private final Method statusLine;
  private final Method statusCode;
  private final Method firstHeader;
  private final Method headerValue;
  /** The messages that carry an entity: 5's {@code HttpEntityContainer}; 4.5's entity-enclosing requests. */
  private final Class<?> requestEntities;
  private final Method requestEntity;
  private final Method setRequestEntity;
  private final Class<?> responseEntities;
  private final Method responseEntity;
  private final Method setResponseEntity;
  private final Method contentEncoding;
  private final Method contentLength;
  private final Method contentType;
  private final Method isRepeatable;
  private final Method isStreaming;
  private final Method writeTo;

  private ApacheMessages(Class<?> messageClass) throws ReflectiveOperationException {
    boolean five = isA(messageClass, CORE5 + "HttpMessage");
    if (!five && !isA(messageClass, CORE4 + "HttpMessage")) {
      throw new ClassNotFoundException(messageClass.getName() + " is no HttpClient 4.5 or 5 message");
    }
    String core = five ? CORE5 : CORE4;
    Class<?> request = LibraryApi.type(messageClass, core + "HttpRequest");
    Class<?> response = LibraryApi.type(messageClass, core + "HttpResponse");
    Class<?> entity = LibraryApi.type(messageClass, core + "HttpEntity");
    hostUri = require(LibraryApi.type(messageClass, core + "HttpHost"), "toURI");
    firstHeader = require(request, "getFirstHeader", String.class);
    headerValue = require(firstHeader.getReturnType(), "getValue");
    Class<?> entityDetails = five ? LibraryApi.type(messageClass, CORE5 + "EntityDetails") : entity;
    contentEncoding = require(entityDetails, "getContentEncoding");
    contentLength = require(entityDetails, "getContentLength");
    contentType = require(entityDetails, "getContentType");
    isRepeatable = require(entity, "isRepeatable");
    isStreaming = require(entity, "isStreaming");
    writeTo = require(entity, "writeTo", OutputStream.class);
    if (five) {
      requestUri = require(request, "getRequestUri");
      uri = require(request, "getUri");
      requestLine = null;
      requestLineUri = null;
      code = require(response, "getCode");
      statusLine = null;
      statusCode = null;
      requestEntities = LibraryApi.type(messageClass, CORE5 + "HttpEntityContainer");
      responseEntities = requestEntities;
    } else {
      requestUri = null;
      uri = null;
      requestLine = require(request, "getRequestLine");
      requestLineUri = require(requestLine.getReturnType(), "getUri");
      code = null;
      statusLine = require(response, "getStatusLine");
      statusCode = require(statusLine.getReturnType(), "getStatusCode");
      requestEntities = LibraryApi.type(messageClass, CORE4 + "HttpEntityEnclosingRequest");
      responseEntities = response;
    }
    requestEntity = require(requestEntities, "getEntity");
    setRequestEntity = require(requestEntities, "setEntity", entity);
    responseEntity = require(responseEntities, "getEntity");
    setResponseEntity = require(responseEntities, "setEntity", entity);
  }

  /** Null when the HttpClient of {@code message} lacks something aitap needs. */
  static ApacheMessages of(Object message) {
    return BY_MESSAGE_CLASS.of(message.getClass());
  }

  /**
   * The request's absolute URI: HttpClient 5 keeps the path apart from the target host (and knows
   * the host itself when no target is given), 4.5 keeps whatever the application gave (absolute or
   * not) in the request line.
   */
  URI uri(Object target, Object request) throws Exception {
    String path;
    if (requestUri != null) {
      if (target == null) {
        return (URI) invoke(uri, request);
      }
      path = (String) invoke(requestUri, request);
    } else {
      path = (String) invoke(requestLineUri, invoke(requestLine, request));
    }
    if (path.contains("://") || target == null) {
      return URI.create(path);
    }
    return URI.create(invoke(hostUri, target) + (path.startsWith("/") ? path : "/" + path));
  }

  int status(Object response) throws Exception {
    return code != null ? (Integer) invoke(code, response) : (Integer) invoke(statusCode, invoke(statusLine, response));
  }

  /** The first value of a header, or null; never throws (used for the response head too). */
  String header(Object message, String name) {
    try {
      Object header = invoke(firstHeader, message, name);
      return header == null ? null : (String) invoke(headerValue, header);
    } catch (Exception e) {
      return null;
    }
  }

  /** The request's entity, or null for requests that carry none (4.5's {@code HttpGet}). */
  Object requestEntity(Object request) throws Exception {
    return requestEntities.isInstance(request) ? invoke(requestEntity, request) : null;
  }

  void setRequestEntity(Object request, Object entity) throws Exception {
    invoke(setRequestEntity, request, entity);
  }

  Object responseEntity(Object response) throws Exception {
    return responseEntities.isInstance(response) ? invoke(responseEntity, response) : null;
  }

  void setResponseEntity(Object response, Object entity) throws Exception {
    invoke(setResponseEntity, response, entity);
  }

  /** {@code HttpEntity}, the interface an entity proxy implements. */
  Class<?> entityType() {
    return setRequestEntity.getParameterTypes()[0];
  }

  /** Repeatable and not streaming: it can be written once more without the application noticing. */
  boolean canWriteAgain(Object entity) throws Exception {
    return (Boolean) invoke(isRepeatable, entity) && !(Boolean) invoke(isStreaming, entity);
  }

  void writeTo(Object entity, OutputStream out) throws Exception {
    invoke(writeTo, entity, out);
  }

  /** The entity's content type: a string in 5, a header in 4.5 (whose text names the type too). */
  Object contentType(Object entity) throws Exception {
    return invoke(contentType, entity);
  }

  /**
   * The response head as the application sees the body: with the content encoding and length of
   * the entity (or async entity details) it gets, not of the message. HttpClient undoes gzip
   * itself; 4.5 and 5.1 then drop those headers, 5.6 keeps them, describing bytes the application
   * never reads.
   */
  ResponseHead head(Object response, Object entity) throws Exception {
    String encoding = entity == null ? null : contentEncoding(entity);
    String length = entity == null ? null : contentLength(entity);
    return new ResponseHead(
        status(response),
        name -> name.equalsIgnoreCase("content-encoding")
            ? encoding
            : name.equalsIgnoreCase("content-length") ? length : header(response, name));
  }

  private String contentEncoding(Object entity) {
    try {
      Object encoding = invoke(contentEncoding, entity);
      if (encoding == null || encoding instanceof String) {
        return (String) encoding;
      }
      return (String) invoke(headerValue, encoding); // 4.5: a Header
    } catch (Exception e) {
      return null;
    }
  }

  private String contentLength(Object entity) {
    try {
      long length = (Long) invoke(contentLength, entity);
      return length < 0 ? null : Long.toString(length);
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean isA(Class<?> type, String name) {
    try {
      return LibraryApi.type(type, name).isAssignableFrom(type);
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
