package io.aitap.agent.instrumentation.awssdk;

import static io.aitap.agent.instrumentation.weaving.HookCall.call;
import static io.aitap.agent.instrumentation.weaving.Value.ENTERED;
import static io.aitap.agent.instrumentation.weaving.Value.NULL;
import static io.aitap.agent.instrumentation.weaving.Value.RETURNED;
import static io.aitap.agent.instrumentation.weaving.Value.THROWN;
import static io.aitap.agent.instrumentation.weaving.Value.argument;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.MethodHooks;
import io.aitap.agent.instrumentation.weaving.Methods;
import io.aitap.agent.instrumentation.weaving.TypeView;
import java.util.List;

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
  public boolean matches(TypeView type) {
    return !type.isInterface() && type.hasSuperType(HTTP + "async.SdkAsyncHttpClient");
  }

  /** An AI request is swapped for a copy whose body and response handler are tapped. */
  @Override
  public List<HookPoint> hookPoints() {
    return List.of(
        new HookPoint(
            Methods.named("execute").arguments(1).argument(0, HTTP + "async.AsyncExecuteRequest"),
            MethodHooks.onEnter(call(AwsAsyncClientTap.EXECUTE, argument(0)))
                .answerReplaces(0)
                .thenOnReturnOrThrow(call(AwsAsyncClientTap.EXECUTED, ENTERED, NULL, RETURNED, THROWN))
                .onlyWhenEntered()));
  }
}
