package io.aitap.agent.instrumentation.apachehttpclient;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
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
 * HttpClient 5's async clients (HTTP/1.1, HTTP/2, minimal): every {@code execute} of a
 * {@code CloseableHttpAsyncClient} ends in its {@code doExecute}, with the request producer and
 * response consumer as arguments.
 */
public final class ApacheAsyncClientInstrumentation implements ClientInstrumentation {

  private static final String CLIENT = "org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient";
  private static final String NIO = "org.apache.hc.core5.http.nio.";

  @Override
  public String name() {
    return "apache-httpclient-5-async";
  }

  @Override
  public List<String> packages() {
    return List.of("org.apache.hc.client5.http.impl.async.");
  }

  @Override
  public ElementMatcher<TypeDescription> types() {
    return nameStartsWith("org.apache.hc.client5.http.impl.async.")
        .and(not(named(CLIENT)))
        .and(hasSuperType(named(CLIENT)));
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(
        named("doExecute")
            .and(not(isAbstract()))
            .and(takesArguments(6))
            .and(takesArgument(1, named(NIO + "AsyncRequestProducer")))
            .and(takesArgument(2, named(NIO + "AsyncResponseConsumer"))),
        ApacheAsyncExecuteAdvice.class);
  }
}
