package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import io.aitap.agent.instrumentation.common.TeeOutputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * What the Apache HttpClient hooks do, for 4.5 ({@code org.apache.http}) and 5.x classic
 * ({@code org.apache.hc}) alike: both name the methods aitap uses the same way, except for the
 * request line and the status, told apart by {@link ApacheMessages}.
 *
 * <p>One {@code doExecute} is one AI exchange: retries and redirects happen inside it, in the
 * client's exec chain, so the span describes the response the application receives. A client
 * wrapping another client hands the same request object to a nested {@code doExecute} on the
 * same thread; only the outermost one counts. A different request executed inside an exchange
 * (an interceptor fetching a token) is an exchange of its own.
 *
 * <p>The response's entity is replaced by a {@link TappedEntity} proxy of the library's own
 * {@code HttpEntity} interface, defined in the library's class loader.
 */
public final class ApacheHttpClientTap implements ClientHooks {

  // The hooks woven into its library, by name.
  static final String ENTER = "apache-httpclient.enter";
  static final String EXIT = "apache-httpclient.exit";
  static final String RESPONSE_CLOSED = "apache-httpclient.responseClosed";

  /** The requests whose {@code doExecute} is running on this thread, innermost last. */
  private static final ThreadLocal<ArrayDeque<Object>> IN_FLIGHT = ThreadLocal.withInitial(ArrayDeque::new);

  private final CallStarts calls;

  public ApacheHttpClientTap(CallStarts calls) {
    this.calls = calls;
  }

  @Override
  public void registerHooks(HookRegistry hooks) {
    hooks.add(ENTER, (client, request, value, thrown) -> enter(client, request));
    hooks.addListener(EXIT, (aiCall, none, response, thrown) -> exit((AiCall) aiCall, response, thrown));
    hooks.addListener(RESPONSE_CLOSED, (response, none, value, thrown) -> responseClosed(response));
  }

  /** Paired with exactly one {@link #exit}; returns the AI call for the outermost AI request, else null. */
  public AiCall enter(Object target, Object request) throws Exception {
    ArrayDeque<Object> inFlight = IN_FLIGHT.get();
    boolean nested = isInFlight(inFlight, request);
    inFlight.addLast(request);
    if (nested) {
      return null;
    }
    ApacheMessages api = ApacheMessages.of(request);
    if (api == null) {
      return null;
    }
    AiCall aiCall =
        calls.start(api.uri(target, request), name -> api.header(request, name));
    if (aiCall != null) {
      scanRequestEntity(api, request, aiCall);
    }
    return aiCall;
  }

  public void exit(AiCall aiCall, Object response, Throwable thrown) throws Exception {
    Object request = IN_FLIGHT.get().pollLast();
    if (aiCall == null) {
      return;
    }
    ApacheMessages api = ApacheMessages.of(request);
    untapRequestEntity(api, request);
    if (thrown != null || response == null) {
      aiCall.failed(thrown);
      return;
    }
    Object entity = api.responseEntity(response);
    aiCall.responseHead(api.head(response, entity));
    if (entity == null) {
      aiCall.responseComplete();
      return;
    }
    Object tapped = ProxyHandlers.proxy(api.entityType(), new TappedEntity(entity, aiCall));
    api.setResponseEntity(response, tapped);
    AbandonWatch.watch(tapped, aiCall);
  }

  private static boolean isInFlight(ArrayDeque<Object> inFlight, Object request) {
    for (Object running : inFlight) {
      if (running == request) {
        return true;
      }
    }
    return false;
  }

  /** A response was closed: if its entity is tapped, its call ends (as abandoned, unless already ended). */
  public void responseClosed(Object response) throws Exception {
    ApacheMessages api = ApacheMessages.of(response);
    Object entity = api == null ? null : api.responseEntity(response);
    TappedEntity tapped = ProxyHandlers.handlerOf(entity, TappedEntity.class);
    if (tapped != null) {
      tapped.responseClosed();
    }
  }

  /**
   * Entities that can be read again without side effects ({@code StringEntity},
   * {@code ByteArrayEntity}: repeatable, not streaming) are written once more for the request
   * scanner, if JSON. Others (streams) are seen only as the client sends them, through a
   * {@link TappedRequestEntity} set on the request until the exchange ends.
   */
  private static void scanRequestEntity(ApacheMessages api, Object request, AiCall aiCall) {
    try {
      Object entity = api.requestEntity(request);
      if (entity == null || !isJson(api, request, entity)) {
        return;
      }
      if (api.canWriteAgain(entity)) {
        try (OutputStream scanner = new TeeOutputStream(OutputStream.nullOutputStream(), aiCall)) {
          api.writeTo(entity, scanner);
        }
        return;
      }
      api.setRequestEntity(request, ProxyHandlers.proxy(api.entityType(), new TappedRequestEntity(entity, aiCall)));
    } catch (Exception e) {
      AgentLog.debug("could not read an Apache HttpClient request entity", e);
    }
  }

  /** The entity's content type, or else the request's {@code Content-Type} header, names JSON. */
  private static boolean isJson(ApacheMessages api, Object request, Object entity) throws Exception {
    Object contentType = api.contentType(entity);
    if (contentType == null) {
      contentType = api.header(request, "Content-Type");
    }
    return String.valueOf(contentType).toLowerCase(Locale.ROOT).contains("json");
  }

  /** Gives the application's request its own entity back. */
  private static void untapRequestEntity(ApacheMessages api, Object request) {
    try {
      TappedRequestEntity tapped = ProxyHandlers.handlerOf(api.requestEntity(request), TappedRequestEntity.class);
      if (tapped != null) {
        api.setRequestEntity(request, tapped.entity());
      }
    } catch (Exception e) {
      AgentLog.debug("could not give an Apache HttpClient request its entity back", e);
    }
  }
}
