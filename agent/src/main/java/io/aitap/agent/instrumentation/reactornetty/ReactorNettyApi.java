package io.aitap.agent.instrumentation.reactornetty;

import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;
import static io.aitap.agent.instrumentation.common.LibraryMethods.require;

import io.aitap.agent.instrumentation.common.LibraryApi;
import java.lang.reflect.Method;

/**
 * The part of one Reactor Netty's {@code HttpClientOperations} that aitap uses, and the Netty next
 * to it, resolved once per class of the operations.
 */
final class ReactorNettyApi {

  private static final LibraryApi<ReactorNettyApi> BY_CLASS =
      LibraryApi.resolvedBy("Reactor Netty", ReactorNettyApi::new);

  private final Method resourceUrl;
  private final Method requestHeaders;
  private final Method channel;
  final NettyMessages netty;

  private ReactorNettyApi(Class<?> operations) throws ReflectiveOperationException {
    resourceUrl = require(operations, "resourceUrl");
    requestHeaders = require(operations, "requestHeaders");
    channel = require(operations, "channel");
    netty = NettyMessages.of(operations);
    if (netty == null) {
      throw new ClassNotFoundException("a Netty aitap knows, next to " + operations.getName());
    }
  }

  /** Null when this Reactor Netty lacks something aitap needs. */
  static ReactorNettyApi of(Object operations) {
    return BY_CLASS.of(operations.getClass());
  }

  /** The request's URL, or null before it is known. */
  Object resourceUrl(Object operations) throws Exception {
    return invoke(resourceUrl, operations);
  }

  Object requestHeaders(Object operations) throws Exception {
    return invoke(requestHeaders, operations);
  }

  Object channel(Object operations) throws Exception {
    return invoke(channel, operations);
  }
}
