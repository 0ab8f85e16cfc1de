package io.aitap.agent.instrumentation.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.lang.reflect.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the AWS tap reads as Netty encodes a request head, resolved against the real Netty and the
 * SDK's own channel attribute: the handler of the exchange the channel serves, and the head's
 * headers as they go on the wire.
 */
class NettyChannelExchangeTest {

  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  @Test
  void theHandlerIsFoundUnderTheSdksOwnKeyAndTheHeadersAsEncoded() throws Exception {
    Object handler = new Object();
    channel.attr(sdkRequestContextKey()).set(new RequestContext(handler));
    ChannelHandlerContext context = channel.pipeline().firstContext();
    DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/model/x/converse");
    head.headers().set("traceparent", TRACEPARENT);

    NettyChannelExchange netty = NettyChannelExchange.of(context.getClass());
    assertNotNull(netty);
    assertSame(handler, netty.handler(context));
    assertTrue(netty.isHead(head));
    assertFalse(netty.isHead(new DefaultHttpContent(Unpooled.EMPTY_BUFFER)));
    assertEquals(TRACEPARENT, netty.headers(head).get("TraceParent"));
    assertNull(netty.headers(head).get("baggage"));
  }

  @Test
  void aChannelServingNoSdkExchangeHasNoHandler() throws Exception {
    ChannelHandlerContext context = channel.pipeline().firstContext();
    assertNull(NettyChannelExchange.of(context.getClass()).handler(context));
  }

  @Test
  void aLoaderWithoutNettyIsLeftAlone() {
    assertNull(NettyChannelExchange.of(Object.class));
  }

  /** The key the SDK's Netty client keeps its exchange under (package-private in the SDK). */
  @SuppressWarnings("unchecked")
  private static AttributeKey<Object> sdkRequestContextKey() throws ReflectiveOperationException {
    Field key = Class.forName("software.amazon.awssdk.http.nio.netty.internal.ChannelAttributeKey")
        .getDeclaredField("REQUEST_CONTEXT_KEY");
    key.setAccessible(true);
    return (AttributeKey<Object>) key.get(null);
  }

  /** Stands in for the SDK's {@code RequestContext}, whose constructor wants a whole client. */
  public static final class RequestContext {
    private final Object handler;

    RequestContext(Object handler) {
      this.handler = handler;
    }

    public Object handler() {
      return handler;
    }
  }
}
