package io.aitap.agent.instrumentation.vertx;

import static io.aitap.agent.instrumentation.common.LibraryApi.type;
import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;
import static io.aitap.agent.instrumentation.common.LibraryMethods.require;

import io.aitap.agent.instrumentation.common.LibraryApi;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * The part of one Vert.x (4.x, 5.x) that aitap uses, from its public interfaces as the loader of
 * the hooked class sees them, so each copy of Vert.x in each class loader gets its own.
 */
final class VertxApi {

  private static final LibraryApi<VertxApi> BY_CLASS = LibraryApi.resolvedBy("Vert.x", VertxApi::new);

  private final Method absoluteUri;
  private final Method requestHeaders;
  private final Method multiMapGet;
  private final Method statusCode;
  private final Method responseHeader;
  private final Class<?> byteBuf;
  private final Method byteBufNioBuffer;
  private final Method bufferBytes;

  /** Null when this Vert.x lacks something aitap needs. */
  static VertxApi of(Object vertxObject) {
    return BY_CLASS.of(vertxObject.getClass());
  }

  private VertxApi(Class<?> hooked) throws ReflectiveOperationException {
    Class<?> request = type(hooked, "io.vertx.core.http.HttpClientRequest");
    absoluteUri = require(request, "absoluteURI");
    requestHeaders = require(request, "headers");
    multiMapGet = require(requestHeaders.getReturnType(), "get", String.class);
    Class<?> response = type(hooked, "io.vertx.core.http.HttpClientResponse");
    statusCode = require(response, "statusCode");
    responseHeader = require(response, "getHeader", String.class);
    byteBuf = type(hooked, "io.netty.buffer.ByteBuf");
    byteBufNioBuffer = require(byteBuf, "nioBuffer");
    bufferBytes = require(type(hooked, "io.vertx.core.buffer.Buffer"), "getBytes");
  }

  String absoluteUri(Object request) throws Exception {
    return (String) invoke(absoluteUri, request);
  }

  String requestHeader(Object request, String name) throws Exception {
    return (String) invoke(multiMapGet, invoke(requestHeaders, request), name);
  }

  int statusCode(Object response) throws Exception {
    return (Integer) invoke(statusCode, response);
  }

  String responseHeader(Object response, String name) throws Exception {
    return (String) invoke(responseHeader, response, name);
  }

  /** A read-only view of a Netty {@code ByteBuf} (4.x, 5.0), or null for a Vert.x {@code Buffer} (5.1 on). */
  ByteBuffer view(Object data) throws Exception {
    return byteBuf.isInstance(data) ? (ByteBuffer) invoke(byteBufNioBuffer, data) : null;
  }

  /** A copy of a Vert.x {@code Buffer}'s bytes. */
  byte[] bytes(Object buffer) throws Exception {
    return (byte[]) invoke(bufferBytes, buffer);
  }
}
