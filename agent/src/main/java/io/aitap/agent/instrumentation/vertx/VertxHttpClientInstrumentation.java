package io.aitap.agent.instrumentation.vertx;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

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

  @Override
  public String name() {
    return "vertx-http-client";
  }

  @Override
  public List<String> typeNames() {
    return List.of(REQUEST_IMPL, REQUEST_BASE, RESPONSE_IMPL);
  }

  @Override
  public ElementMatcher<TypeDescription> types() {
    ElementMatcher.Junction<TypeDescription> request =
        named(REQUEST_IMPL).or(named(REQUEST_BASE))
            .and(hasSuperType(named(HTTP + "HttpClientRequest").and(declaresMethod(named("send")))));
    ElementMatcher.Junction<TypeDescription> response =
        named(RESPONSE_IMPL)
            .and(hasSuperType(named(HTTP + "HttpClientResponse").and(declaresMethod(named("body")))));
    return request.or(response);
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(
        named("write")
            .and(isPrivate())
            .and(takesArguments(2).or(takesArguments(3)))
            .and(takesArgument(0, named("io.netty.buffer.ByteBuf")).or(takesArgument(0, named("io.vertx.core.buffer.Buffer"))))
            .and(takesArgument(1, boolean.class))
            .and(isDeclaredBy(named(REQUEST_IMPL))),
        VertxRequestWriteAdvice.class);
    advisor.advise(
        named("handleResponse").and(takesArguments(1)).and(takesArgument(0, named(HTTP + "HttpClientResponse"))),
        VertxResponseAdvice.class);
    advisor.advise(
        named("handleChunk").and(takesArguments(1)).and(takesArgument(0, named("io.vertx.core.buffer.Buffer"))),
        VertxResponseChunkAdvice.class);
    advisor.advise(
        named("handleEnd").or(named("handleTrailers")).and(takesArguments(1))
            .and(isDeclaredBy(named(RESPONSE_IMPL))),
        VertxResponseEndAdvice.class);
    advisor.advise(
        named("handleException").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
        VertxFailureAdvice.class);
  }
}
