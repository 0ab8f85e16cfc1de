package io.aitap.agent.instrumentation.okhttp;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.TeeInputStream;
import io.aitap.agent.instrumentation.common.TeeOutputStream;
import io.aitap.agent.protocol.ResponseHead;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the OkHttp hooks do. One call of OkHttp ({@code execute} or {@code enqueue}) is one AI
 * exchange: the hooks sit around {@code RealCall.getResponseWithInterceptorChain}, so whatever the
 * interceptors do inside (OkHttp's retries and redirects, an SDK's retrying interceptor) the span
 * describes the response the application receives, and its duration includes every attempt.
 *
 * <p>The response handed to the application is a copy whose body reads the original body through
 * a {@link TeeInputStream}: bytes reach the parser only as the application pulls them, after any
 * gzip OkHttp undid itself.
 *
 * <p>The span's parent is the trace context of the request as it went on the wire: a tracing
 * network interceptor (the OpenTelemetry Java agent's) adds {@code traceparent} after the
 * application built the request, per attempt. {@code CallServerInterceptor} reports each attempt's
 * request, and the call it belongs to is found among the AI calls in flight; other traffic costs
 * that hook one look at an empty map while no AI call is in flight.
 */
public final class OkHttpTap implements ClientHooks {

  // The hooks woven into its library, by name.
  static final String CALL_START = "okhttp.callStart";
  static final String WIRE = "okhttp.wire";
  static final String CALL_END = "okhttp.callEnd";

  private final CallStarts calls;
  /** OkHttp's call → the AI call, while OkHttp obtains its response. */
  private final Map<Object, AiCall> inFlight = new ConcurrentHashMap<>();

  public OkHttpTap(CallStarts calls) {
    this.calls = calls;
  }

  @Override
  public void registerHooks(HookRegistry hooks) {
    hooks.add(CALL_START, (okHttpCall, none, value, thrown) -> start(okHttpCall));
    hooks.add(CALL_END, (okHttpCall, aiCall, response, thrown) -> end((AiCall) aiCall, okHttpCall, response, thrown));
    hooks.addListener(WIRE, (chain, none, value, thrown) -> wire(chain));
  }

  /** Returns the AI call for {@code okHttpCall}, or null (one endpoint check) when it is none. */
  public AiCall start(Object okHttpCall) throws Exception {
    OkHttpApi api = OkHttpApi.of(okHttpCall.getClass());
    if (api == null) {
      return null;
    }
    Object request = api.request(okHttpCall);
    AiCall call = calls.start(api.url(request), name -> api.requestHeader(request, name));
    if (call != null) {
      inFlight.put(okHttpCall, call);
      scanRequestBody(api, request, call);
    }
    return call;
  }

  /** An attempt of some call is about to be written; an AI call's takes the trace context it carries. */
  public void wire(Object chain) throws Exception {
    if (inFlight.isEmpty()) {
      return;
    }
    OkHttpChain methods = OkHttpChain.of(chain.getClass());
    if (methods == null) {
      return;
    }
    Object okHttpCall = methods.call(chain);
    AiCall call = okHttpCall == null ? null : inFlight.get(okHttpCall);
    OkHttpApi api = call == null ? null : OkHttpApi.of(okHttpCall.getClass());
    if (api != null) {
      Object request = methods.request(chain);
      call.requestHeaders(name -> api.requestHeader(request, name));
    }
  }

  /** Returns the response the application should receive instead of {@code response}. */
  public Object end(AiCall call, Object okHttpCall, Object response, Throwable thrown) throws Exception {
    inFlight.remove(okHttpCall);
    OkHttpApi api = OkHttpApi.of(okHttpCall.getClass());
    if (thrown != null || response == null) {
      if (api != null && api.isCanceled(okHttpCall)) {
        call.cancelled();
      } else {
        call.failed(thrown);
      }
      return response;
    }
    call.responseHead(new ResponseHead(api.code(response), name -> responseHeader(api, response, name)));
    Object body = api.responseBody(response);
    if (body == null) {
      call.responseComplete();
      return response;
    }
    TeeInputStream tee = new TeeInputStream(api.bodyStream(body), call, null);
    Object tapped = api.withBody(response, body, tee);
    AbandonWatch.watch(tee, call);
    return tapped;
  }

  private static void scanRequestBody(OkHttpApi api, Object request, AiCall call) {
    try {
      Object body = api.requestBody(request);
      if (body != null && api.isReplayableJson(body)) {
        try (OutputStream scanner = new TeeOutputStream(OutputStream.nullOutputStream(), call)) {
          api.writeTo(body, scanner);
        }
      }
    } catch (Exception e) {
      AgentLog.debug("could not read an OkHttp request body", e);
    }
  }

  private static String responseHeader(OkHttpApi api, Object response, String name) {
    try {
      return api.responseHeader(response, name);
    } catch (Exception e) {
      return null;
    }
  }
}
