package io.aitap.agent.instrumentation.reactornetty;

import static io.aitap.agent.instrumentation.common.LibraryApi.type;
import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;
import static io.aitap.agent.instrumentation.common.LibraryMethods.require;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.LibraryApi;
import io.aitap.agent.protocol.ResponseHead;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Reads Netty's HTTP messages and buffers, through the methods of one Netty resolved once from the
 * loader of the hooked class, so each copy of Netty in each class loader gets its own. A buffer
 * is only ever read at its reader index through {@code nioBuffer(index, length)} (or
 * {@code getBytes(index, …)}): neither moves an index nor touches the reference count, so the
 * owner still gets the buffer exactly as it was.
 */
final class NettyMessages {

  private static final String HTTP = "io.netty.handler.codec.http.";

  private static final LibraryApi<NettyMessages> BY_CLASS = LibraryApi.resolvedBy("Netty", NettyMessages::new);

  /** What a message is, by the Netty types it implements. */
  enum Kind {
    HEAD,
    CONTENT,
    LAST_CONTENT,
    /** A head that carries its whole body: {@code FullHttpResponse} or {@code FullHttpRequest}. */
    FULL,
    BUFFER,
    OTHER
  }

  private static final ClassValue<Kind> KINDS =
      new ClassValue<Kind>() {
        @Override
        protected Kind computeValue(Class<?> type) {
          boolean head = implementsNamed(type, HTTP + "HttpResponse") || implementsNamed(type, HTTP + "HttpRequest");
          boolean content = implementsNamed(type, HTTP + "HttpContent");
          if (head) {
            return content ? Kind.FULL : Kind.HEAD;
          }
          if (content) {
            return implementsNamed(type, HTTP + "LastHttpContent") ? Kind.LAST_CONTENT : Kind.CONTENT;
          }
          return implementsNamed(type, "io.netty.buffer.ByteBuf") ? Kind.BUFFER : Kind.OTHER;
        }
      };

  private final Method contextChannel;
  private final Method messageHeaders;
  private final Method headersGet;
  private final Method responseStatus;
  private final Method statusCode;
  private final Method content;
  private final Method readableBytes;
  private final Method readerIndex;
  private final Method nioBuffer;
  private final Method getBytes;

  private NettyMessages(Class<?> hooked) throws ReflectiveOperationException {
    contextChannel = require(type(hooked, "io.netty.channel.ChannelHandlerContext"), "channel");
    messageHeaders = require(type(hooked, HTTP + "HttpMessage"), "headers");
    headersGet = require(messageHeaders.getReturnType(), "get", String.class);
    responseStatus = require(type(hooked, HTTP + "HttpResponse"), "status");
    statusCode = require(responseStatus.getReturnType(), "code");
    content = require(type(hooked, HTTP + "HttpContent"), "content");
    Class<?> byteBuf = content.getReturnType();
    readableBytes = require(byteBuf, "readableBytes");
    readerIndex = require(byteBuf, "readerIndex");
    nioBuffer = require(byteBuf, "nioBuffer", int.class, int.class);
    getBytes = require(byteBuf, "getBytes", int.class, byte[].class, int.class, int.class);
  }

  /** Null when the Netty {@code hooked} sees lacks something aitap needs. */
  static NettyMessages of(Class<?> hooked) {
    return BY_CLASS.of(hooked);
  }

  static Kind kind(Object message) {
    return message == null ? Kind.OTHER : KINDS.get(message.getClass());
  }

  /** The channel of a {@code ChannelHandlerContext}. */
  Object channel(Object context) throws Exception {
    return invoke(contextChannel, context);
  }

  /** The headers of a request or response head. */
  Object headers(Object message) throws Exception {
    return invoke(messageHeaders, message);
  }

  /** The status code of a response head. */
  int status(Object response) throws Exception {
    return (Integer) invoke(statusCode, invoke(responseStatus, response));
  }

  /** The head as {@code HttpClientResponse} shows it: the same status and header objects the message carries. */
  ResponseHead head(Object response) throws Exception {
    Object headers = headers(response);
    return new ResponseHead(status(response), name -> header(headers, name));
  }

  /** The first value of a header in Netty's {@code HttpHeaders}, or null; never throws. */
  String header(Object headers, String name) {
    try {
      Object value = invoke(headersGet, headers, name);
      return value == null ? null : value.toString();
    } catch (Exception e) {
      return null;
    }
  }

  /** The readable bytes of a message's content (or of a buffer itself), shown to {@code reader}. */
  void readContent(Object message, Kind kind, boolean request, AiCall reader) throws Exception {
    Object buffer = kind == Kind.BUFFER ? message : invoke(content, message);
    if (buffer == null) {
      return;
    }
    int length = (Integer) invoke(readableBytes, buffer);
    if (length <= 0) {
      return;
    }
    int index = (Integer) invoke(readerIndex, buffer);
    ByteBuffer view = view(buffer, index, length);
    if (request) {
      reader.requestBody(view);
    } else {
      reader.responseBody(view);
    }
  }

  private ByteBuffer view(Object buffer, int index, int length) throws Exception {
    try {
      return (ByteBuffer) invoke(nioBuffer, buffer, index, length);
    } catch (UnsupportedOperationException e) {
      // a buffer with no NIO form: copy the bytes out instead
      byte[] copy = new byte[length];
      invoke(getBytes, buffer, index, copy, 0, length);
      return ByteBuffer.wrap(copy);
    }
  }

  private static boolean implementsNamed(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(name)) {
        return true;
      }
      for (Class<?> face : c.getInterfaces()) {
        if (implementsNamed(face, name)) {
          return true;
        }
      }
    }
    return false;
  }
}
