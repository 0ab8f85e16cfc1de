package io.aitap.agent.instrumentation.apachehttpclient;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The clients of Apache HttpClient: every {@code execute*} of a client (5.x classic's
 * {@code executeOpen} too) ends in its {@code doExecute}. The classic (blocking) clients of the two
 * major versions differ only in package names, given by {@link #httpClient4()} and
 * {@link #httpClient5()}; the async clients of 5.x ({@link #httpClient5Async()}) in the arguments
 * of {@code doExecute} and the advice on it.
 */
public final class ApacheHttpClientInstrumentation implements ClientInstrumentation {

  private static final String NIO = "org.apache.hc.core5.http.nio.";

  private final String name;
  private final String clientPackage;
  private final String client;
  private final ElementMatcher<? super MethodDescription> doExecute;
  private final Class<?> executeAdvice;
  /** A response whose {@code close()} does not close its entity, or null. */
  private final String responseNotClosingEntity;

  private ApacheHttpClientInstrumentation(
      String name,
      String client,
      ElementMatcher<? super MethodDescription> doExecute,
      Class<?> executeAdvice,
      String responseNotClosingEntity) {
    this.name = name;
    this.clientPackage = client.substring(0, client.lastIndexOf('.') + 1);
    this.client = client;
    this.doExecute = doExecute;
    this.executeAdvice = executeAdvice;
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
        ApacheClientExecuteAdvice.class,
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
        ApacheAsyncExecuteAdvice.class,
        null);
  }

  private static ElementMatcher<MethodDescription> doExecute(
      int arguments, int first, String firstType, int second, String secondType) {
    return named("doExecute")
        .and(not(isAbstract()))
        .and(takesArguments(arguments))
        .and(takesArgument(first, named(firstType)))
        .and(takesArgument(second, named(secondType)));
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
  public ElementMatcher<TypeDescription> types() {
    ElementMatcher.Junction<TypeDescription> clients =
        nameStartsWith(clientPackage).and(not(named(client))).and(hasSuperType(named(client)));
    return responseNotClosingEntity == null ? clients : clients.or(named(responseNotClosingEntity));
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(doExecute, executeAdvice);
    if (responseNotClosingEntity != null) {
      advisor.advise(
          named("close").and(takesArguments(0)).and(isDeclaredBy(named(responseNotClosingEntity))),
          ApacheResponseCloseAdvice.class);
    }
  }
}
