package io.aitap.agent.instrumentation.jdkhttp;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What the JDK HttpClient hooks do, in plain code the woven hooks call into. */
public final class JdkHttpClientTap implements ClientHooks {

  // The hooks woven into its library, by name.
  static final String SEND = "jdk-httpclient.send";
  static final String SENT = "jdk-httpclient.sent";

  private final CallStarts calls;

  public JdkHttpClientTap(CallStarts calls) {
    this.calls = calls;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void registerHooks(HookRegistry hooks) {
    hooks.add(
        SEND,
        (request, handler, none, thrown) ->
            request instanceof HttpRequest && handler instanceof HttpResponse.BodyHandler
                ? send((HttpRequest) request, (HttpResponse.BodyHandler) handler)
                : null);
    hooks.addListener(SENT, (tapped, none, future, thrown) -> sent(((TappedBodyHandler<?>) tapped).call, future, thrown));
  }

  /**
   * The handler that taps the response of an AI request, in place of the application's; null for
   * any other request.
   */
  private <T> TappedBodyHandler<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    AiCall call = calls.start(request.uri(), name -> request.headers().firstValue(name).orElse(null));
    if (call == null) {
      return null;
    }
    request.bodyPublisher().ifPresent(publisher -> RequestBodyReplay.replay(publisher, call));
    return new TappedBodyHandler<>(call, handler);
  }

  /** Failures before a response arrived reach the call through the future the client returned. */
  private static void sent(AiCall call, Object future, Throwable thrown) {
    if (thrown != null) {
      call.failed(thrown);
      return;
    }
    if (!(future instanceof CompletableFuture)) {
      return;
    }
    ((CompletableFuture<?>) future)
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                endWith(call, failure);
              } else if (!call.isEnded() && response instanceof HttpResponse) {
                Object body = ((HttpResponse<?>) response).body();
                if (body != null) {
                  AbandonWatch.watch(body, call);
                }
              }
            });
  }

  private static void endWith(AiCall call, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    if (cause instanceof CancellationException) {
      call.cancelled();
    } else {
      call.failed(cause);
    }
  }
}
