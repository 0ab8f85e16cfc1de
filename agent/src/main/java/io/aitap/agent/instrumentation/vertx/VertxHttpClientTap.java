package io.aitap.agent.instrumentation.vertx;

import static io.aitap.agent.instrumentation.common.LibraryMethods.call;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.LibraryMethods;
import io.aitap.agent.protocol.ResponseHead;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the Vert.x hooks do. A request becomes a call when its body (or its end) is first written;
 * its response is then tied to the same call. Vert.x hands over the objects themselves, so the
 * tap keeps, weakly, which request or response belongs to which call: an object that is not there
 * is not AI traffic, at the cost of one lookup. Everything runs on the event loop and only copies:
 * request bytes from a read-only view, response chunks through {@code Buffer.getBytes()}.
 */
public final class VertxHttpClientTap implements ClientHooks {

  // The hooks its advice calls, by name.
  static final String REQUEST_WRITE = "vertx-http-client.requestWrite";
  static final String RESPONSE = "vertx-http-client.response";
  static final String RESPONSE_CHUNK = "vertx-http-client.responseChunk";
  static final String RESPONSE_END = "vertx-http-client.responseEnd";
  static final String FAILED = "vertx-http-client.failed";

  /** {@code getHeader(String)} of a response, {@code get(String)} of a {@code MultiMap}: both are overloaded. */
  private static final ClassValue<Method> GET_HEADER = byStringArgument("getHeader");
  private static final ClassValue<Method> GET = byStringArgument("get");

  private final CallStarts calls;
  private final Map<Object, AiCall> byMessage = Collections.synchronizedMap(new WeakHashMap<>());

  public VertxHttpClientTap(CallStarts calls) {
    this.calls = calls;
  }

  @Override
  public void registerHooks(HookRegistry hooks) {
    hooks.addListener(REQUEST_WRITE, (request, data, end, thrown) -> requestWrite(request, data, (Boolean) end));
    hooks.addListener(RESPONSE, (request, response, value, thrown) -> response(request, response));
    hooks.addListener(RESPONSE_CHUNK, (response, chunk, value, thrown) -> responseChunk(response, chunk));
    hooks.addListener(RESPONSE_END, (response, none, value, thrown) -> responseEnd(response));
    hooks.addListener(FAILED, (requestOrResponse, none, value, failure) -> failed(requestOrResponse, failure));
  }

  /** {@code data} is a Netty {@code ByteBuf} (4.x, 5.0), a Vert.x {@code Buffer} (5.1 on) or null. */
  public void requestWrite(Object request, Object data, boolean end) throws Exception {
    AiCall call = byMessage.get(request);
    if (call == null) {
      URI uri = URI.create((String) call(request, "absoluteURI"));
      call = calls.start(uri, (String) stringLookup(GET, call(request, "headers"), "traceparent"),
          name -> (String) stringLookup(GET, call(request, "headers"), name));
      if (call == null) {
        return;
      }
      byMessage.put(request, call);
      AbandonWatch.watch(request, call);
    }
    if (data != null) {
      if (LibraryMethods.method(data, "nioBuffer", 0) != null) {
        call.requestBody((ByteBuffer) call(data, "nioBuffer"));
      } else {
        byte[] bytes = (byte[]) call(data, "getBytes");
        call.requestBody(bytes, 0, bytes.length);
      }
    }
    if (end) {
      call.requestBodyEnd();
    }
  }

  public void response(Object request, Object response) throws Exception {
    AiCall call = byMessage.get(request);
    if (call == null) {
      return;
    }
    byMessage.put(response, call);
    call.responseHead(new ResponseHead((Integer) call(response, "statusCode"), name -> header(response, name)));
  }

  public void responseChunk(Object response, Object chunk) throws Exception {
    AiCall call = byMessage.get(response);
    if (call != null && chunk != null) {
      byte[] bytes = (byte[]) call(chunk, "getBytes");
      call.responseBody(bytes, 0, bytes.length);
    }
  }

  public void responseEnd(Object response) {
    AiCall call = byMessage.get(response);
    if (call != null) {
      call.responseComplete();
    }
  }

  public void failed(Object requestOrResponse, Throwable failure) {
    AiCall call = byMessage.get(requestOrResponse);
    if (call != null) {
      call.failed(failure);
    }
  }

  private static String header(Object response, String name) {
    try {
      return (String) stringLookup(GET_HEADER, response, name);
    } catch (Exception e) {
      return null;
    }
  }

  private static Object stringLookup(ClassValue<Method> method, Object target, String name) throws Exception {
    Method found = method.get(target.getClass());
    return found == null ? null : LibraryMethods.invoke(found, target, name);
  }

  private static ClassValue<Method> byStringArgument(String name) {
    return new ClassValue<Method>() {
      @Override
      protected Method computeValue(Class<?> type) {
        return LibraryMethods.find(type, name, String.class);
      }
    };
  }
}
