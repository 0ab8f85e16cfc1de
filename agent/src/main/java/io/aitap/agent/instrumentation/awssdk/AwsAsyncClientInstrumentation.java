package io.aitap.agent.instrumentation.awssdk;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
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
 * The AWS SDK for Java 2.x's async HTTP clients (Netty NIO, and CRT, and the SDK's own delegating
 * wrappers): every HTTP exchange of an async service client is one
 * {@code SdkAsyncHttpClient.execute(AsyncExecuteRequest)}, below the SDK's retries and above the
 * wire. The SDK's sync transports (Apache, URL connection) are seen by those libraries'
 * instrumentations and never pass through here, so no exchange is counted twice.
 */
public final class AwsAsyncClientInstrumentation implements ClientInstrumentation {

  private static final String HTTP = "software.amazon.awssdk.http.";

  @Override
  public String name() {
    return "aws-sdk-2-async";
  }

  @Override
  public List<String> typeNames() {
    return List.of("software.amazon.awssdk.");
  }

  @Override
  public ElementMatcher<TypeDescription> types() {
    return nameStartsWith("software.amazon.awssdk.")
        .and(not(isInterface()))
        .and(hasSuperType(named(HTTP + "async.SdkAsyncHttpClient")));
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(
        named("execute")
            .and(not(isAbstract()))
            .and(takesArguments(1))
            .and(takesArgument(0, named(HTTP + "async.AsyncExecuteRequest"))),
        AwsAsyncExecuteAdvice.class);
  }
}
