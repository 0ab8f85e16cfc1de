package io.aitap.agent.instrumentation.awssdk;

import static io.aitap.agent.instrumentation.common.LibraryApi.type;
import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;
import static io.aitap.agent.instrumentation.common.LibraryMethods.require;

import io.aitap.agent.instrumentation.common.LibraryApi;
import io.aitap.agent.protocol.RequestHeaders;
import java.lang.reflect.Method;

/**
 * What the AWS tap reads when Netty's HTTP encoder reports a request head: the head's headers,
 * and the response handler of the SDK's exchange the channel serves, which the SDK's Netty client
 * keeps in a channel attribute. Netty's part is found from the class of the encoder's
 * {@code ChannelHandlerContext}, so each copy of Netty gets its own; the SDK's exchange, which may
 * come from another loader than Netty, from its own class.
 */
final class NettyChannelExchange {

  private static final String REQUEST_CONTEXT = "aws.http.nio.netty.async.requestContext";

  private static final LibraryApi<NettyChannelExchange> BY_CONTEXT_CLASS =
      LibraryApi.resolvedBy("Netty", NettyChannelExchange::new);
  private static final LibraryApi<Method> HANDLER_BY_REQUEST_CONTEXT_CLASS =
      LibraryApi.resolvedBy("the AWS SDK's Netty client", requestContext -> require(requestContext, "handler"));

  private final Method contextChannel;
  private final Method channelAttr;
  private final Object requestContextKey;
  private final Method attributeGet;
  private final Class<?> httpMessage;
  private final Method messageHeaders;
  private final Method headersGet;

  /** Null when this Netty lacks something aitap needs. */
  static NettyChannelExchange of(Class<?> contextClass) {
    return BY_CONTEXT_CLASS.of(contextClass);
  }

  private NettyChannelExchange(Class<?> contextClass) throws ReflectiveOperationException {
    contextChannel = require(type(contextClass, "io.netty.channel.ChannelHandlerContext"), "channel");
    Class<?> attributeKey = type(contextClass, "io.netty.util.AttributeKey");
    channelAttr = require(contextChannel.getReturnType(), "attr", attributeKey);
    requestContextKey = require(attributeKey, "valueOf", String.class).invoke(null, REQUEST_CONTEXT);
    attributeGet = require(channelAttr.getReturnType(), "get");
    httpMessage = type(contextClass, "io.netty.handler.codec.http.HttpMessage");
    messageHeaders = require(httpMessage, "headers");
    headersGet = require(messageHeaders.getReturnType(), "get", String.class);
  }

  /** Whether {@code message} is a request head rather than content. */
  boolean isHead(Object message) {
    return httpMessage.isInstance(message);
  }

  /** The SDK's response handler of the exchange the channel of {@code context} serves, or null. */
  Object handler(Object context) throws Exception {
    Object channel = invoke(contextChannel, context);
    Object requestContext = channel == null ? null : invoke(attributeGet, invoke(channelAttr, channel, requestContextKey));
    Method handler = requestContext == null ? null : HANDLER_BY_REQUEST_CONTEXT_CLASS.of(requestContext.getClass());
    return handler == null ? null : invoke(handler, requestContext);
  }

  /** The headers of a request head, as encoded. */
  RequestHeaders headers(Object head) throws Exception {
    Object headers = invoke(messageHeaders, head);
    return name -> {
      Object value = invoke(headersGet, headers, name);
      return value == null ? null : value.toString();
    };
  }
}
