package io.aitap.agent.instrumentation.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code java.net.http.HttpClient}, Java 11 and later. */
public final class JdkHttpClientInstrumentation implements ClientInstrumentation {

  @Override
  public String name() {
    return "jdk-httpclient";
  }

  @Override
  public List<String> packages() {
    return List.of("jdk.internal.net.http.");
  }

  @Override
  public ElementMatcher<TypeDescription> types() {
    return named("jdk.internal.net.http.HttpClientImpl");
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(
        named("sendAsync")
            .and(isPrivate())
            .and(takesArguments(4))
            .and(takesArgument(0, named("java.net.http.HttpRequest")))
            .and(takesArgument(1, named("java.net.http.HttpResponse$BodyHandler"))),
        HttpClientSendAdvice.class);
  }

  @Override
  public Set<String> modules() {
    return Collections.singleton("java.net.http");
  }
}
