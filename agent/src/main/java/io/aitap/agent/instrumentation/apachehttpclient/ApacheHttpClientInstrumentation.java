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
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The classic (blocking) clients of Apache HttpClient: every {@code execute*} (and 5.x's
 * {@code executeOpen}) of a {@code CloseableHttpClient} ends in its {@code doExecute}. The two
 * major versions differ only in package names, given by {@link #httpClient4()} and
 * {@link #httpClient5()}.
 */
public final class ApacheHttpClientInstrumentation implements ClientInstrumentation {

  private final String name;
  private final String clientPackage;
  private final String client;
  private final String host;
  private final String context;
  /** A response whose {@code close()} does not close its entity, or null. */
  private final String responseNotClosingEntity;

  private ApacheHttpClientInstrumentation(
      String name, String clientPackage, String client, String host, String context, String responseNotClosingEntity) {
    this.name = name;
    this.clientPackage = clientPackage;
    this.client = client;
    this.host = host;
    this.context = context;
    this.responseNotClosingEntity = responseNotClosingEntity;
  }

  /**
   * HttpClient 4.5: {@code InternalHttpClient}, {@code MinimalHttpClient}, the older
   * {@code AbstractHttpClient}; and the response they return, whose {@code close()} releases the
   * connection without telling the entity.
   */
  public static ApacheHttpClientInstrumentation httpClient4() {
    return new ApacheHttpClientInstrumentation(
        "apache-httpclient-4",
        "org.apache.http.impl.client.",
        "org.apache.http.impl.client.CloseableHttpClient",
        "org.apache.http.HttpHost",
        "org.apache.http.protocol.HttpContext",
        "org.apache.http.impl.execchain.HttpResponseProxy");
  }

  /** HttpClient 5.x classic: {@code InternalHttpClient}, {@code MinimalHttpClient}. */
  public static ApacheHttpClientInstrumentation httpClient5() {
    return new ApacheHttpClientInstrumentation(
        "apache-httpclient-5",
        "org.apache.hc.client5.http.impl.classic.",
        "org.apache.hc.client5.http.impl.classic.CloseableHttpClient",
        "org.apache.hc.core5.http.HttpHost",
        "org.apache.hc.core5.http.protocol.HttpContext",
        null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> packages() {
    return responseNotClosingEntity == null
        ? List.of(clientPackage)
        : List.of(clientPackage, responseNotClosingEntity.substring(0, responseNotClosingEntity.lastIndexOf('.') + 1));
  }

  @Override
  public ElementMatcher<TypeDescription> types() {
    ElementMatcher.Junction<TypeDescription> clients =
        nameStartsWith(clientPackage).and(not(named(client))).and(hasSuperType(named(client)));
    return responseNotClosingEntity == null ? clients : clients.or(named(responseNotClosingEntity));
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(
        named("doExecute")
            .and(not(isAbstract()))
            .and(takesArguments(3))
            .and(takesArgument(0, named(host)))
            .and(takesArgument(2, named(context))),
        ApacheClientExecuteAdvice.class);
    if (responseNotClosingEntity != null) {
      advisor.advise(
          named("close").and(takesArguments(0)).and(isDeclaredBy(named(responseNotClosingEntity))),
          ApacheResponseCloseAdvice.class);
    }
  }
}
