package io.aitap.agent.instrumentation.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.aitap.agent.instrumentation.common.JdkClassInstrumentation;

/** {@code java.net.http.HttpClient}, Java 11 and later. */
public final class JdkHttpClientInstrumentation extends JdkClassInstrumentation {

  public JdkHttpClientInstrumentation() {
    super("jdk-httpclient", "java.net.http", "jdk.internal.net.http.HttpClientImpl");
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
}
