package io.aitap.agent.instrumentation.reactornetty;

import static io.aitap.agent.instrumentation.common.LibraryMethods.call;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.LibraryMethods;
import io.aitap.agent.protocol.ResponseHead;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Reads Netty's HTTP messages and buffers by reflection, whichever loader and version they come
 * from. A buffer is only ever read at its reader index through {@code nioBuffer(index, length)}
 * (or {@code getBytes(index, …)}): neither moves an index nor touches the reference count, so the
 * owner still gets the buffer exactly as it was.
 */
final class NettyMessages {

  private static final String HTTP = "io.netty.handler.codec.http.";

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

  private NettyMessages() {}

  static Kind kind(Object message) {
    return message == null ? Kind.OTHER : KINDS.get(message.getClass());
  }

  /** The status code of a response head. */
  static int status(Object response) throws Exception {
    return (Integer) call(call(response, "status"), "code");
  }

  /** The head as {@code HttpClientResponse} shows it: the same status and header objects the message carries. */
  static ResponseHead head(Object response) throws Exception {
    Object headers = call(response, "headers");
    return new ResponseHead(status(response), name -> header(headers, name));
  }

  /** The first value of a header in Netty's {@code HttpHeaders}, or null; never throws. */
  static String header(Object headers, String name) {
    try {
      Object value = call(headers, "get", name);
      return value == null ? null : value.toString();
    } catch (Exception e) {
      return null;
    }
  }

  /** The readable bytes of a message's content (or of a buffer itself), shown to {@code reader}. */
  static void readContent(Object message, Kind kind, boolean request, AiCall reader) throws Exception {
    Object buffer = kind == Kind.BUFFER ? message : call(message, "content");
    if (buffer == null) {
      return;
    }
    int length = (Integer) call(buffer, "readableBytes");
    if (length <= 0) {
      return;
    }
    int index = (Integer) call(buffer, "readerIndex");
    ByteBuffer view = view(buffer, index, length);
    if (request) {
      reader.requestBody(view);
    } else {
      reader.responseBody(view);
    }
  }

  private static ByteBuffer view(Object buffer, int index, int length) throws Exception {
    try {
      return (ByteBuffer) call(buffer, "nioBuffer", index, length);
    } catch (UnsupportedOperationException e) {
      // a buffer with no NIO form: copy the bytes out instead
      Method getBytes =
          LibraryMethods.require(buffer.getClass(), "getBytes", int.class, byte[].class, int.class, int.class);
      byte[] copy = new byte[length];
      LibraryMethods.invoke(getBytes, buffer, index, copy, 0, length);
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
