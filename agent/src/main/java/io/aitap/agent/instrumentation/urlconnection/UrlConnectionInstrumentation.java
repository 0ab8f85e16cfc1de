package io.aitap.agent.instrumentation.urlconnection;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.aitap.agent.instrumentation.common.JdkClassInstrumentation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code HttpURLConnection} for http and https: the https implementation delegates to a subclass
 * of the http one, so advice on that one class sees both.
 */
public final class UrlConnectionInstrumentation extends JdkClassInstrumentation {

  public UrlConnectionInstrumentation() {
    super("urlconnection", "java.base", "sun.net.www.protocol.http.HttpURLConnection");
  }

  @Override
  public void advise(Advisor advisor) {
    advisor.advise(publicNoArgs("connect"), UrlConnectionAdvice.Enter.class, UrlConnectionAdvice.Connected.class);
    advisor.advise(
        publicNoArgs("getOutputStream"), UrlConnectionAdvice.Enter.class, UrlConnectionAdvice.GotOutputStream.class);
    advisor.advise(
        publicNoArgs("getInputStream"), UrlConnectionAdvice.Enter.class, UrlConnectionAdvice.GotInputStream.class);
    advisor.advise(publicNoArgs("getErrorStream"), UrlConnectionAdvice.GetErrorStream.class);
    advisor.advise(publicNoArgs("disconnect"), UrlConnectionAdvice.Disconnect.class);
  }

  private static ElementMatcher.Junction<MethodDescription> publicNoArgs(String name) {
    return named(name).and(isPublic()).and(takesArguments(0));
  }
}
