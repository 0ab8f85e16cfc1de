package io.aitap.agent.instrumentation.apachehttpclient;

import static io.aitap.agent.instrumentation.weaving.HookCall.call;
import static io.aitap.agent.instrumentation.weaving.Value.ENTERED;
import static io.aitap.agent.instrumentation.weaving.Value.NULL;
import static io.aitap.agent.instrumentation.weaving.Value.RETURNED;
import static io.aitap.agent.instrumentation.weaving.Value.THIS;
import static io.aitap.agent.instrumentation.weaving.Value.THROWN;
import static io.aitap.agent.instrumentation.weaving.Value.argument;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.MethodHooks;
import io.aitap.agent.instrumentation.weaving.Methods;
import io.aitap.agent.instrumentation.weaving.TypeView;
import java.util.ArrayList;
import java.util.List;

/**
 * The clients of Apache HttpClient: every {@code execute*} of a client (5.x classic's
 * {@code executeOpen} too) ends in its {@code doExecute}. The classic (blocking) clients of the two
 * major versions differ only in package names, given by {@link #httpClient4()} and
 * {@link #httpClient5()}; the async clients of 5.x ({@link #httpClient5Async()}) in the arguments
 * of {@code doExecute} and the hooks in it.
 */
public final class ApacheHttpClientInstrumentation implements ClientInstrumentation {

  private static final String NIO = "org.apache.hc.core5.http.nio.";

  private final String name;
  private final String clientPackage;
  private final String client;
  private final Methods doExecute;
  private final MethodHooks onExecute;
  /** A response whose {@code close()} does not close its entity, or null. */
  private final String responseNotClosingEntity;

  private ApacheHttpClientInstrumentation(
      String name,
      String client,
      Methods doExecute,
      MethodHooks onExecute,
      String responseNotClosingEntity) {
    this.name = name;
    this.clientPackage = client.substring(0, client.lastIndexOf('.') + 1);
    this.client = client;
    this.doExecute = doExecute;
    this.onExecute = onExecute;
    this.responseNotClosingEntity = responseNotClosingEntity;
  }

  /**
   * HttpClient 4.5: {@code InternalHttpClient}, {@code MinimalHttpClient}, the older
   * {@code AbstractHttpClient}; and the response they return, whose {@code close()} releases the
   * connection without telling the entity.
   */
  public static ApacheHttpClientInstrumentation httpClient4() {
    return classic(
        "apache-httpclient-4",
        "org.apache.http.impl.client.CloseableHttpClient",
        "org.apache.http.",
        "org.apache.http.impl.execchain.HttpResponseProxy");
  }

  /** HttpClient 5.x classic: {@code InternalHttpClient}, {@code MinimalHttpClient}. */
  public static ApacheHttpClientInstrumentation httpClient5() {
    return classic("apache-httpclient-5", "org.apache.hc.client5.http.impl.classic.CloseableHttpClient",
        "org.apache.hc.core5.http.", null);
  }

  /** A classic client, whose {@code doExecute} takes the target host, request and context of {@code core}. */
  private static ApacheHttpClientInstrumentation classic(
      String name, String client, String core, String responseNotClosingEntity) {
    return new ApacheHttpClientInstrumentation(
        name,
        client,
        doExecute(3, 0, core + "HttpHost", 2, core + "protocol.HttpContext"),
        // entry and exit always reach the tap, which counts nesting
        MethodHooks.onEnter(call(ApacheHttpClientTap.ENTER, argument(0), argument(1)))
            .thenOnReturnOrThrow(call(ApacheHttpClientTap.EXIT, ENTERED, NULL, RETURNED, THROWN)),
        responseNotClosingEntity);
  }

  /**
   * HttpClient 5's async clients (HTTP/1.1, HTTP/2, minimal): {@code doExecute} takes the request
   * producer and response consumer as arguments.
   */
  public static ApacheHttpClientInstrumentation httpClient5Async() {
    return new ApacheHttpClientInstrumentation(
        "apache-httpclient-5-async",
        "org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient",
        doExecute(6, 1, NIO + "AsyncRequestProducer", 2, NIO + "AsyncResponseConsumer"),
        MethodHooks.onEnter(call(ApacheAsyncClientTap.EXECUTE, argument(0), argument(1), argument(2), NULL))
            .answerReplaces(1, 2),
        null);
  }

  private static Methods doExecute(int arguments, int first, String firstType, int second, String secondType) {
    return Methods.named("doExecute").arguments(arguments).argument(first, firstType).argument(second, secondType);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> typeNames() {
    return responseNotClosingEntity == null ? List.of(clientPackage) : List.of(clientPackage, responseNotClosingEntity);
  }

  @Override
  public boolean matches(TypeView type) {
    String name = type.name();
    if (name.equals(responseNotClosingEntity)) {
      return true;
    }
    return name.startsWith(clientPackage) && !name.equals(client) && type.hasSuperType(client);
  }

  @Override
  public List<HookPoint> hookPoints() {
    List<HookPoint> points = new ArrayList<>();
    points.add(new HookPoint(doExecute, onExecute));
    if (responseNotClosingEntity != null) {
      points.add(
          new HookPoint(
              Methods.named("close").arguments(0).declaredBy(responseNotClosingEntity),
              MethodHooks.onReturnOrThrow(call(ApacheHttpClientTap.RESPONSE_CLOSED, THIS))));
    }
    return points;
  }
}
