package io.aitap.agent.instrumentation.awssdk;

import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;
import static io.aitap.agent.instrumentation.common.LibraryMethods.require;

import io.aitap.agent.instrumentation.common.LibraryApi;
import io.aitap.agent.protocol.ResponseHead;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The part of one AWS SDK's HTTP SPI that aitap uses, found from the class of an
 * {@code AsyncExecuteRequest}, so each copy of the SDK in each class loader gets its own: the
 * request's properties, the HTTP request and response they lead to, and the {@link
 * ExecuteRequestCopier} that swaps the body publisher and response handler.
 */
final class AwsSdkApi {

  private static final LibraryApi<AwsSdkApi> BY_REQUEST_CLASS =
      LibraryApi.resolvedBy("the AWS SDK", AwsSdkApi::new);

  private final Method httpRequest;
  private final Method body;
  private final Method handler;
  private final Method uri;
  private final Method statusCode;
  /** {@code SdkHttpHeaders.headers()}, of the HTTP request and of the response alike. */
  private final Method headers;
  private final ExecuteRequestCopier copier;

  /** Null when the SDK of {@code request} lacks something aitap needs. */
  static AwsSdkApi of(Object request) {
    return BY_REQUEST_CLASS.of(request.getClass());
  }

  private AwsSdkApi(Class<?> requestClass) throws ReflectiveOperationException {
    httpRequest = require(requestClass, "request");
    body = require(requestClass, ExecuteRequestCopier.BODY);
    handler = require(requestClass, ExecuteRequestCopier.HANDLER);
    uri = require(httpRequest.getReturnType(), "getUri");
    statusCode = require(LibraryApi.type(requestClass, "software.amazon.awssdk.http.SdkHttpResponse"), "statusCode");
    headers = require(LibraryApi.type(requestClass, "software.amazon.awssdk.http.SdkHttpHeaders"), "headers");
    copier = new ExecuteRequestCopier(requestClass);
  }

  Object httpRequest(Object request) throws Exception {
    return invoke(httpRequest, request);
  }

  URI uri(Object httpRequest) throws Exception {
    return (URI) invoke(uri, httpRequest);
  }

  Object body(Object request) throws Exception {
    return invoke(body, request);
  }

  /** The SDK's interface of the request body publisher, for aitap's proxy of it. */
  Class<?> bodyType() {
    return body.getReturnType();
  }

  Object handler(Object request) throws Exception {
    return invoke(handler, request);
  }

  /** The SDK's interface of the response handler, for aitap's proxy of it. */
  Class<?> handlerType() {
    return handler.getReturnType();
  }

  /** The request, with {@code body} and {@code handler} in place of its own. */
  Object copy(Object request, Object body, Object handler) throws Exception {
    return copier.copy(request, body, handler);
  }

  /** The first value of a header of the SDK's HTTP request, or null; never throws. */
  String requestHeader(Object httpRequest, String name) {
    return header(httpRequest, name);
  }

  /** The status and headers of the SDK's HTTP response. */
  ResponseHead responseHead(Object response) throws Exception {
    return new ResponseHead((Integer) invoke(statusCode, response), name -> header(response, name));
  }

  /**
   * Read from {@code headers()}, case-insensitively: {@code firstMatchingHeader} is overloaded, by
   * name and by a collection of names.
   */
  private String header(Object message, String name) {
    try {
      for (Map.Entry<?, ?> header : ((Map<?, ?>) invoke(headers, message)).entrySet()) {
        if (name.equalsIgnoreCase((String) header.getKey())) {
          List<?> values = (List<?>) header.getValue();
          return values.isEmpty() ? null : (String) values.get(0);
        }
      }
      return null;
    } catch (Exception e) {
      return null;
    }
  }
}
