package io.aitap.agent.instrumentation.vertx;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.WeakCalls;
import io.aitap.agent.protocol.ResponseHead;
import java.nio.ByteBuffer;

/**
 * What the Vert.x hooks do. A request becomes a call when its body (or its end) is first written;
 * its response is then tied to the same call. Vert.x hands over the objects themselves, so the
 * tap keeps, weakly, which request or response belongs to which call: an object that is not there
 * is not AI traffic, at the cost of one lookup (two for the pieces of a request written in pieces,
 * whose first piece alone is checked). Everything runs on the event loop and only copies:
 * request bytes from a read-only view, response chunks through {@code Buffer.getBytes()}.
 */
public final class VertxHttpClientTap implements ClientHooks {

  // The hooks woven into its library, by name.
  static final String REQUEST_WRITE = "vertx-http-client.requestWrite";
  static final String RESPONSE = "vertx-http-client.response";
  static final String RESPONSE_CHUNK = "vertx-http-client.responseChunk";
  static final String RESPONSE_END = "vertx-http-client.responseEnd";
  static final String FAILED = "vertx-http-client.failed";

  private final CallStarts calls;
  private final WeakCalls<AiCall> byMessage = new WeakCalls<>();
  /** Requests written in pieces that are not AI traffic: their later pieces are not checked again. */
  private final WeakCalls<Boolean> checkedOther = new WeakCalls<>();

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
    VertxApi api = VertxApi.of(request);
    if (call == null) {
      if (api == null || checkedOther.containsKey(request)) {
        return;
      }
      call = calls.start(api.absoluteUri(request), name -> api.requestHeader(request, name));
      if (call == null) {
        if (!end) {
          checkedOther.put(request, Boolean.TRUE);
        }
        return;
      }
      byMessage.put(request, call);
      AbandonWatch.watch(request, call);
    }
    if (data != null) {
      ByteBuffer view = api.view(data);
      if (view != null) {
        call.requestBody(view);
      } else {
        byte[] bytes = api.bytes(data);
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
    VertxApi api = VertxApi.of(response);
    call.responseHead(new ResponseHead(api.statusCode(response), name -> header(api, response, name)));
  }

  public void responseChunk(Object response, Object chunk) throws Exception {
    AiCall call = byMessage.get(response);
    if (call != null && chunk != null) {
      byte[] bytes = VertxApi.of(response).bytes(chunk);
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

  private static String header(VertxApi api, Object response, String name) {
    try {
      return api.responseHeader(response, name);
    } catch (Exception e) {
      return null;
    }
  }
}
