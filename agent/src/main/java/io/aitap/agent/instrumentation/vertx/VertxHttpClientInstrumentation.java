package io.aitap.agent.instrumentation.vertx;

import static io.aitap.agent.instrumentation.weaving.HookCall.call;
import static io.aitap.agent.instrumentation.weaving.Value.NULL;
import static io.aitap.agent.instrumentation.weaving.Value.THIS;
import static io.aitap.agent.instrumentation.weaving.Value.argument;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.MethodHooks;
import io.aitap.agent.instrumentation.weaving.Methods;
import io.aitap.agent.instrumentation.weaving.TypeView;
import java.util.List;

/**
 * Vert.x 4.x and 5.x's HTTP client, and everything on it (WebClient, Quarkus' REST client). One
 * {@code HttpClientRequestImpl} is one exchange: its body, however the application writes it
 * ({@code write}, {@code end}, {@code send}), goes through one private {@code write(data, end, …)};
 * the response head reaches the request in {@code handleResponse}; the response's chunks, end and
 * failure reach the application's handlers through {@code HttpClientResponseImpl.handleChunk},
 * {@code handleEnd} (5.1: {@code handleTrailers}) and {@code handleException}. Vert.x 3, whose
 * request API has no {@code send} nor its response {@code body()}, is left alone.
 */
public final class VertxHttpClientInstrumentation implements ClientInstrumentation {

  private static final String HTTP = "io.vertx.core.http.";
  private static final String IMPL = HTTP + "impl.";
  private static final String REQUEST_IMPL = IMPL + "HttpClientRequestImpl";
  private static final String REQUEST_BASE = IMPL + "HttpClientRequestBase";
  private static final String RESPONSE_IMPL = IMPL + "HttpClientResponseImpl";
  private static final String BUFFER = "io.vertx.core.buffer.Buffer";

  @Override
  public String name() {
    return "vertx-http-client";
  }

  @Override
  public List<String> typeNames() {
    return List.of(REQUEST_IMPL, REQUEST_BASE, RESPONSE_IMPL);
  }

  @Override
  public boolean matches(TypeView type) {
    String name = type.name();
    if (name.equals(RESPONSE_IMPL)) {
      return type.hasSuperType(HTTP + "HttpClientResponse", "body");
    }
    return type.hasSuperType(HTTP + "HttpClientRequest", "send");
  }

  @Override
  public List<HookPoint> hookPoints() {
    return List.of(
        // data (a Netty ByteBuf, from 5.1 a Vert.x Buffer, or null), and whether it is the last
        new HookPoint(
            Methods.named("write")
                .declaredBy(REQUEST_IMPL)
                .isPrivate()
                .arguments(2, 3)
                .argument(0, "io.netty.buffer.ByteBuf", BUFFER)
                .argument(1, "boolean"),
            MethodHooks.onEnter(call(VertxHttpClientTap.REQUEST_WRITE, THIS, argument(0), argument(1), NULL))),
        new HookPoint(
            Methods.named("handleResponse").arguments(1).argument(0, HTTP + "HttpClientResponse"),
            MethodHooks.onEnter(call(VertxHttpClientTap.RESPONSE, THIS, argument(0)))),
        new HookPoint(
            Methods.named("handleChunk").arguments(1).argument(0, BUFFER),
            MethodHooks.onEnter(call(VertxHttpClientTap.RESPONSE_CHUNK, THIS, argument(0)))),
        new HookPoint(
            Methods.named("handleEnd", "handleTrailers").declaredBy(RESPONSE_IMPL).arguments(1),
            MethodHooks.onEnter(call(VertxHttpClientTap.RESPONSE_END, THIS))),
        new HookPoint(
            Methods.named("handleException").arguments(1).argument(0, "java.lang.Throwable"),
            MethodHooks.onEnter(call(VertxHttpClientTap.FAILED, THIS, NULL, NULL, argument(0)))));
  }
}
