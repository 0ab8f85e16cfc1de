package io.aitap.agent.instrumentation.reactornetty;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.WeakCalls;
import io.aitap.agent.instrumentation.reactornetty.NettyMessages.Kind;

/**
 * What the Reactor Netty hooks do. One {@code HttpClientOperations} is one request on the wire and
 * its response, and one AI call:
 *
 * <ul>
 *   <li>it starts when the operations are about to send the request head (the URL and headers are
 *       final then, the body not yet written);
 *   <li>the request body is read as Netty's HTTP/1.1 encoder of that channel encodes it;
 *   <li>the response head and each body chunk are read as the operations receive them, before they
 *       hand the chunk on (after that the application may release it at any time): straight to the
 *       application's subscriber or, while it has asked for nothing more, into Reactor Netty's own
 *       queue of what it has received, which the subscriber drains as it asks;
 *   <li>it ends when the operations complete the inbound side, fail, or the application cancels.
 * </ul>
 *
 * <p>Redirects Reactor Netty follows itself ({@code followRedirect}) and its HTTP authentication
 * retries send a new request with new operations: the answer the application never sees is dropped
 * unreported, the request that follows is its own call. When Reactor Netty resends a request once
 * because a pooled connection was closed under it, an attempt whose head had gone out is reported
 * as a failed call: it was a request on the wire.
 */
public final class ReactorNettyTap implements ClientHooks {

  // The hooks woven into its library, by name.
  static final String REQUEST_SENDING = "reactor-netty.requestSending";
  public static final String REQUEST_ENCODING = "netty.requestEncoding";
  static final String INBOUND = "reactor-netty.inbound";
  static final String INBOUND_COMPLETE = "reactor-netty.inboundComplete";
  static final String FAILED = "reactor-netty.failed";
  static final String CANCELLED = "reactor-netty.cancelled";

  private static final String REDIRECT = "reactor.netty.http.client.RedirectClientException";

  private final CallStarts calls;
  /** Weak keys: operations the application dropped unfinished must not be kept alive by aitap. */
  private final WeakCalls<AiCall> byOperations = new WeakCalls<>();
  private final WeakCalls<AiCall> byChannel = new WeakCalls<>();

  public ReactorNettyTap(CallStarts calls) {
    this.calls = calls;
  }

  @Override
  public void registerHooks(HookRegistry hooks) {
    hooks.addListener(REQUEST_SENDING, (operations, none, value, thrown) -> requestSending(operations));
    hooks.addListener(REQUEST_ENCODING, (context, message, value, thrown) -> requestEncoding(context, message));
    hooks.addListener(INBOUND, (operations, message, value, thrown) -> inbound(operations, message));
    hooks.addListener(INBOUND_COMPLETE, (operations, none, value, thrown) -> inboundComplete(operations));
    hooks.addListener(FAILED, (connection, none, value, error) -> failed(connection, error));
    hooks.addListener(CANCELLED, (operations, none, value, thrown) -> cancelled(operations));
  }

  /** The operations have made their request head final and are about to send it. */
  public void requestSending(Object operations) throws Exception {
    if (byOperations.containsKey(operations)) {
      return;
    }
    ReactorNettyApi api = ReactorNettyApi.of(operations);
    Object url = api == null ? null : api.resourceUrl(operations);
    if (url == null) {
      return;
    }
    Object headers = api.requestHeaders(operations);
    AiCall call = calls.start(url.toString(), name -> api.netty.header(headers, name));
    if (call == null) {
      return;
    }
    byOperations.put(operations, call);
    byChannel.put(api.channel(operations), call);
    AbandonWatch.watch(operations, call);
  }

  /** Netty's HTTP/1.1 client encoder of the channel of {@code context} is about to encode {@code message}. */
  public void requestEncoding(Object context, Object message) throws Exception {
    if (byChannel.isEmpty()) {
      return;
    }
    NettyMessages netty = NettyMessages.of(context.getClass());
    AiCall call = netty == null ? null : byChannel.get(netty.channel(context));
    if (call == null || call.isEnded()) {
      return;
    }
    Kind kind = NettyMessages.kind(message);
    if (kind == Kind.HEAD || kind == Kind.FULL) {
      // the head as encoded, after every handler of the pipeline (a tracing agent's injecting its
      // traceparent) had its turn
      Object headers = netty.headers(message);
      call.requestHeaders(name -> netty.header(headers, name));
    }
    if (kind != Kind.HEAD && kind != Kind.OTHER) {
      netty.readContent(message, kind, true, call);
    }
  }

  /** The operations received {@code message} and are about to handle it. */
  public void inbound(Object operations, Object message) throws Exception {
    if (byOperations.isEmpty()) {
      return;
    }
    AiCall call = byOperations.get(operations);
    if (call == null || call.isEnded()) {
      return;
    }
    NettyMessages netty = ReactorNettyApi.of(operations).netty;
    Kind kind = NettyMessages.kind(message);
    if (kind == Kind.HEAD || kind == Kind.FULL) {
      int status = netty.status(message);
      if (status < 200 && status != 101) {
        return; // 100 Continue and other interim answers: the real head follows
      }
      call.responseHead(netty.head(message));
    }
    if ((kind == Kind.FULL || kind == Kind.CONTENT || kind == Kind.LAST_CONTENT) && !isFollowUp(operations, call)) {
      netty.readContent(message, kind, false, call);
      if (kind == Kind.LAST_CONTENT && call.head() != null) {
        // ended before the operations tell the application the body is complete
        call.responseComplete();
      }
    }
  }

  /**
   * The operations completed their inbound side: the whole response has been received (a body
   * ending in its last content has ended the call already; a head that carried the whole response
   * ends it here). Without a response they failed, and the failure has been seen already unless
   * Reactor Netty kept it to itself; either way the call ends by now.
   */
  public void inboundComplete(Object operations) {
    AiCall call = forget(operations);
    if (call == null) {
      return;
    }
    if (call.head() != null) {
      call.responseComplete();
    } else {
      call.failed(null);
    }
  }

  /**
   * {@code connection} failed with {@code error}: Reactor Netty's connection observer was told, or
   * the operations failed their inbound side. A redirect Reactor Netty follows arrives here too.
   */
  public void failed(Object connection, Throwable error) {
    AiCall call = byOperations.isEmpty() ? null : forget(connection);
    if (call == null) {
      return;
    }
    if (error != null && error.getClass().getName().equals(REDIRECT)) {
      AgentLog.debug("Reactor Netty follows a redirect of " + call.endpoint().serverAddress() + "; the next request is the call");
      call.discarded();
      return;
    }
    call.failed(error);
  }

  /**
   * The application disposed its subscription. Once the response has come, that is the application
   * giving up the rest of the body — as Spring's WebClient does the moment a stream's last event
   * ({@code [DONE]}) reaches it — and the call ends as abandoned, with what was seen, as a body
   * closed early does with the other clients; before, the call itself was cancelled.
   */
  public void cancelled(Object operations) {
    AiCall call = byOperations.isEmpty() ? null : forget(operations);
    if (call == null) {
      return;
    }
    if (call.status() > 0) {
      call.abandoned();
    } else {
      call.cancelled();
    }
  }

  /**
   * Whether the operations answer a redirect or an authentication challenge with a new request
   * themselves: then the application never sees this body, and it is not read.
   */
  private static boolean isFollowUp(Object operations, AiCall call) {
    int status = call.status();
    if (status < 300 || (status >= 400 && status != 401 && status != 407)) {
      return false;
    }
    return FollowUps.pending(operations);
  }

  private AiCall forget(Object operations) {
    AiCall call = byOperations.remove(operations);
    if (call != null) {
      byChannel.removeState(call);
    }
    return call;
  }
}
