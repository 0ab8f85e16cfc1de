package io.aitap.agent.instrumentation.urlconnection;

import io.aitap.bootstrap.AitapBridge;
import java.io.InputStream;
import java.io.OutputStream;
import net.bytebuddy.asm.Advice;

/** Advice inlined into {@code sun.net.www.protocol.http.HttpURLConnection}; may name bootstrap types only. */
final class UrlConnectionAdvice {

  private UrlConnectionAdvice() {}

  /** The entry of {@code connect}, {@code getOutputStream} and {@code getInputStream}, which the JDK nests. */
  static final class Enter {
    private Enter() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onEnter(@Advice.This Object connection) {
      AitapBridge.call(UrlConnectionTap.ENTER, connection, null, null, null);
    }
  }

  static final class Connected {
    private Connected() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void onExit(@Advice.This Object connection, @Advice.Thrown Throwable thrown) {
      AitapBridge.call(UrlConnectionTap.CONNECTED, connection, null, null, thrown);
    }
  }

  static final class GotOutputStream {
    private GotOutputStream() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void onExit(
        @Advice.This Object connection,
        @Advice.Return(readOnly = false) OutputStream stream,
        @Advice.Thrown Throwable thrown) {
      stream = (OutputStream) AitapBridge.call(UrlConnectionTap.OUTPUT, connection, null, stream, thrown);
    }
  }

  static final class GotInputStream {
    private GotInputStream() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void onExit(
        @Advice.This Object connection,
        @Advice.FieldValue("responseCode") int responseCode,
        @Advice.Return(readOnly = false) InputStream stream,
        @Advice.Thrown Throwable thrown) {
      stream = (InputStream) AitapBridge.call(
          UrlConnectionTap.INPUT, connection, AitapBridge.status(responseCode), stream, thrown);
    }
  }

  static final class GetErrorStream {
    private GetErrorStream() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void onExit(
        @Advice.This Object connection,
        @Advice.FieldValue("responseCode") int responseCode,
        @Advice.Return(readOnly = false) InputStream stream) {
      stream = (InputStream) AitapBridge.call(
          UrlConnectionTap.ERROR, connection, AitapBridge.status(responseCode), stream, null);
    }
  }

  static final class Disconnect {
    private Disconnect() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onEnter(@Advice.This Object connection) {
      AitapBridge.call(UrlConnectionTap.DISCONNECT, connection, null, null, null);
    }
  }
}
