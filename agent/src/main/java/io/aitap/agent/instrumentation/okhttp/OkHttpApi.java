package io.aitap.agent.instrumentation.okhttp;

import static io.aitap.agent.instrumentation.common.LibraryMethods.find;
import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;
import static io.aitap.agent.instrumentation.common.LibraryMethods.require;

import io.aitap.agent.instrumentation.common.LibraryApi;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * The part of one OkHttp (3.x, 4.x, 5.x) and its Okio that aitap uses, found from the class of a
 * call, so each copy of OkHttp in each class loader gets its own. Every type is reached through
 * the return types of public methods, starting at {@code Call.execute()}; Okio is found next to
 * {@code BufferedSource}. No OkHttp type is implemented or extended: the tapped body is built with
 * OkHttp's and Okio's own factories around a plain {@link InputStream}, so it lives in the
 * application's loader whatever that is.
 */
final class OkHttpApi {

  private static final LibraryApi<OkHttpApi> BY_CALL_CLASS = LibraryApi.resolvedBy("OkHttp", OkHttpApi::new);

  private final Method callRequest;
  private final Method callIsCanceled;
  private final Method requestUrl;
  private final Method requestHeader;
  private final Method requestBody;
  private final Method requestBodyContentType;
  private final Method requestBodyIsOneShot;
  private final Method requestBodyIsDuplex;
  private final Method requestBodyWriteTo;
  private final Method responseCode;
  private final Method responseHeader;
  private final Method responseBody;
  private final Method responseNewBuilder;
  private final Method builderBody;
  private final Method builderBuild;
  private final Method bodySource;
  private final Method bodyContentType;
  private final Method bodyContentLength;
  private final Method createBody;
  private final Method sourceInputStream;
  private final Method okioSourceOf;
  private final Method okioBufferSource;
  private final Method okioSinkOf;
  private final Method okioBufferSink;

  /** Null when this OkHttp lacks something aitap needs. */
  static OkHttpApi of(Class<?> callClass) {
    return BY_CALL_CLASS.of(callClass);
  }

  private OkHttpApi(Class<?> callClass) throws ReflectiveOperationException {
    callRequest = require(callClass, "request");
    callIsCanceled = require(callClass, "isCanceled");
    Class<?> request = callRequest.getReturnType();
    requestUrl = require(request, "url");
    requestHeader = require(request, "header", String.class);
    requestBody = require(request, "body");
    Class<?> body = requestBody.getReturnType();
    requestBodyContentType = require(body, "contentType");
    requestBodyIsOneShot = find(body, "isOneShot");
    requestBodyIsDuplex = find(body, "isDuplex");
    Class<?> bufferedSink = findWriteTo(body).getParameterTypes()[0];
    requestBodyWriteTo = require(body, "writeTo", bufferedSink);

    Class<?> response = require(callClass, "execute").getReturnType();
    responseCode = require(response, "code");
    responseHeader = require(response, "header", String.class);
    responseBody = require(response, "body");
    responseNewBuilder = require(response, "newBuilder");
    Class<?> responseBodyType = responseBody.getReturnType();
    Class<?> builder = responseNewBuilder.getReturnType();
    builderBody = require(builder, "body", responseBodyType);
    builderBuild = require(builder, "build");
    bodySource = require(responseBodyType, "source");
    bodyContentType = require(responseBodyType, "contentType");
    bodyContentLength = require(responseBodyType, "contentLength");
    Class<?> bufferedSource = bodySource.getReturnType();
    Class<?> mediaType = bodyContentType.getReturnType();
    createBody = require(responseBodyType, "create", mediaType, long.class, bufferedSource);
    sourceInputStream = require(bufferedSource, "inputStream");

    Class<?> okio = LibraryApi.type(bufferedSource, bufferedSource.getPackageName() + ".Okio");
    okioSourceOf = require(okio, "source", InputStream.class);
    okioBufferSource = require(okio, "buffer", okioSourceOf.getReturnType());
    okioSinkOf = require(okio, "sink", OutputStream.class);
    okioBufferSink = require(okio, "buffer", okioSinkOf.getReturnType());
    if (!bufferedSink.isAssignableFrom(okioBufferSink.getReturnType())
        || !bufferedSource.isAssignableFrom(okioBufferSource.getReturnType())) {
      throw new NoSuchMethodException("Okio next to OkHttp does not match it");
    }
  }

  private static Method findWriteTo(Class<?> requestBody) throws NoSuchMethodException {
    for (Method method : requestBody.getMethods()) {
      if (method.getName().equals("writeTo") && method.getParameterCount() == 1) {
        return method;
      }
    }
    throw new NoSuchMethodException(requestBody.getName() + ".writeTo");
  }

  Object request(Object call) throws Exception {
    return invoke(callRequest, call);
  }

  boolean isCanceled(Object call) throws Exception {
    return (Boolean) invoke(callIsCanceled, call);
  }

  /** The request's {@code HttpUrl} as the string it keeps: nothing is built. */
  String url(Object request) throws Exception {
    return String.valueOf(invoke(requestUrl, request));
  }

  String requestHeader(Object request, String name) throws Exception {
    return (String) invoke(requestHeader, request, name);
  }

  Object requestBody(Object request) throws Exception {
    return invoke(requestBody, request);
  }

  /**
   * Whether the request body may be written a second time for aitap's scanner without the
   * application noticing: JSON, and written by OkHttp as often as it retries (neither one-shot
   * nor duplex). File uploads and streamed bodies are left alone.
   */
  boolean isReplayableJson(Object body) throws Exception {
    Object contentType = invoke(requestBodyContentType, body);
    if (contentType == null || !contentType.toString().toLowerCase(Locale.ROOT).contains("json")) {
      return false;
    }
    return !flag(requestBodyIsOneShot, body) && !flag(requestBodyIsDuplex, body);
  }

  /** Writes the body into {@code out} through Okio, as OkHttp would to the network. */
  void writeTo(Object body, OutputStream out) throws Exception {
    Object sink = invoke(okioBufferSink, null, invoke(okioSinkOf, null, out));
    invoke(requestBodyWriteTo, body, sink);
    ((Closeable) sink).close();
  }

  int code(Object response) throws Exception {
    return (Integer) invoke(responseCode, response);
  }

  String responseHeader(Object response, String name) throws Exception {
    return (String) invoke(responseHeader, response, name);
  }

  Object responseBody(Object response) throws Exception {
    return invoke(responseBody, response);
  }

  InputStream bodyStream(Object body) throws Exception {
    return (InputStream) invoke(sourceInputStream, invoke(bodySource, body));
  }

  /** A response like {@code response} whose body reads from {@code content}, with the same type and length. */
  Object withBody(Object response, Object body, InputStream content) throws Exception {
    Object source = invoke(okioBufferSource, null, invoke(okioSourceOf, null, content));
    Object tapped =
        invoke(createBody, null, invoke(bodyContentType, body), invoke(bodyContentLength, body), source);
    return invoke(builderBuild, invoke(builderBody, invoke(responseNewBuilder, response), tapped));
  }

  private static boolean flag(Method method, Object target) throws Exception {
    return method != null && (Boolean) invoke(method, target);
  }
}
