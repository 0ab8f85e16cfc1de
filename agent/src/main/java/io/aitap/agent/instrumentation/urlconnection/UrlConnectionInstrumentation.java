package io.aitap.agent.instrumentation.urlconnection;

import static io.aitap.agent.instrumentation.weaving.HookCall.call;
import static io.aitap.agent.instrumentation.weaving.Value.NULL;
import static io.aitap.agent.instrumentation.weaving.Value.RETURNED;
import static io.aitap.agent.instrumentation.weaving.Value.THIS;
import static io.aitap.agent.instrumentation.weaving.Value.THROWN;

import io.aitap.agent.instrumentation.common.JdkClassInstrumentation;
import io.aitap.agent.instrumentation.weaving.HookCall;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.MethodHooks;
import io.aitap.agent.instrumentation.weaving.Methods;
import io.aitap.agent.instrumentation.weaving.Value;
import java.util.List;

/**
 * {@code HttpURLConnection} for http and https: the https implementation delegates to a subclass
 * of the http one, so hooks in that one class see both. {@code connect}, {@code getOutputStream}
 * and {@code getInputStream}, which the JDK nests, all tell the tap on entry; the streams they
 * return are swapped for tapped ones.
 */
public final class UrlConnectionInstrumentation extends JdkClassInstrumentation {

  /** Read by the JDK's code before the streams are handed out; the tap needs it without a call. */
  private static final Value STATUS = Value.status("responseCode");
  private static final HookCall ENTER = call(UrlConnectionTap.ENTER, THIS);

  public UrlConnectionInstrumentation() {
    super("urlconnection", "java.base", "sun.net.www.protocol.http.HttpURLConnection");
  }

  @Override
  public List<HookPoint> hookPoints() {
    return List.of(
        new HookPoint(
            publicNoArgs("connect"),
            MethodHooks.onEnter(ENTER).thenOnReturnOrThrow(call(UrlConnectionTap.CONNECTED, THIS, NULL, NULL, THROWN))),
        new HookPoint(
            publicNoArgs("getOutputStream"),
            MethodHooks.onEnter(ENTER)
                .thenOnReturnOrThrow(call(UrlConnectionTap.OUTPUT, THIS, NULL, RETURNED, THROWN))
                .answerIsReturned()),
        new HookPoint(
            publicNoArgs("getInputStream"),
            MethodHooks.onEnter(ENTER)
                .thenOnReturnOrThrow(call(UrlConnectionTap.INPUT, THIS, STATUS, RETURNED, THROWN))
                .answerIsReturned()),
        new HookPoint(
            publicNoArgs("getErrorStream"),
            MethodHooks.onReturn(call(UrlConnectionTap.ERROR, THIS, STATUS, RETURNED, NULL)).answerIsReturned()),
        new HookPoint(publicNoArgs("disconnect"), MethodHooks.onEnter(call(UrlConnectionTap.DISCONNECT, THIS))));
  }

  private static Methods publicNoArgs(String name) {
    return Methods.named(name).isPublic().arguments(0);
  }
}
