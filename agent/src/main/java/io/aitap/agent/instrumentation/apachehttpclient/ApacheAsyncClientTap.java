package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.CallStarts;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * What the hook of HttpClient 5's async {@code doExecute} does. The request is inside its
 * producer; for the producers applications get from HttpClient itself ({@code SimpleHttpRequest},
 * {@code SimpleRequestProducer}, {@code AsyncRequestBuilder}: all a {@code BasicRequestProducer})
 * it is read from there up front, so other traffic costs the endpoint check alone. Requests made
 * with a producer of the application's own are not seen.
 *
 * <p>For an AI request the producer and the consumer are replaced by proxies of the library's own
 * interfaces: the producer's proxy shows the call each buffer the client writes, the consumer's
 * each buffer the application's consumer receives, before it receives it.
 */
public final class ApacheAsyncClientTap {

  private static final String BASIC_REQUEST_PRODUCER = "org.apache.hc.core5.http.nio.support.BasicRequestProducer";

  private static final ClassValue<Field> REQUEST_FIELD =
      new ClassValue<Field>() {
        @Override
        protected Field computeValue(Class<?> producerClass) {
          for (Class<?> c = producerClass; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(BASIC_REQUEST_PRODUCER)) {
              try {
                Field field = c.getDeclaredField("request");
                field.setAccessible(true);
                return field;
              } catch (ReflectiveOperationException | RuntimeException e) {
                AgentLog.debug("HttpClient 5 async requests cannot be read: " + e);
                return null;
              }
            }
          }
          return null;
        }
      };

  private final CallStarts calls;

  public ApacheAsyncClientTap(CallStarts calls) {
    this.calls = calls;
  }

  /** Returns the producer and consumer the client should use instead, or null when this is no AI call. */
  public Object[] execute(Object target, Object producer, Object consumer) throws Exception {
    if (producer == null || consumer == null || isTapped(producer)) {
      return null;
    }
    Field requestField = REQUEST_FIELD.get(producer.getClass());
    if (requestField == null) {
      return null;
    }
    Object request = requestField.get(producer);
    AiCall call = calls.start(ApacheMessages.uri(target, request), ApacheMessages.header(request, "traceparent"),
        name -> ApacheMessages.header(request, name));
    if (call == null) {
      return null;
    }
    return new Object[] {
      proxy(producer, "org.apache.hc.core5.http.nio.AsyncRequestProducer", new TappedAsyncProducer(producer, call)),
      proxy(consumer, "org.apache.hc.core5.http.nio.AsyncResponseConsumer", new TappedAsyncConsumer(consumer, call))
    };
  }

  private static boolean isTapped(Object producer) {
    return Proxy.isProxyClass(producer.getClass())
        && Proxy.getInvocationHandler(producer) instanceof TappedAsyncProducer;
  }

  static Object proxy(Object delegate, String interfaceName, InvocationHandler handler) throws ClassNotFoundException {
    Class<?> type = Class.forName(interfaceName, false, delegate.getClass().getClassLoader());
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
