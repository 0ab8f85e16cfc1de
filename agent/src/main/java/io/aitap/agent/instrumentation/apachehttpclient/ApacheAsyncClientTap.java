package io.aitap.agent.instrumentation.apachehttpclient;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.ProxyHandlers;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Modifier;

/**
 * What the hook of HttpClient 5's async {@code doExecute} does. The request is inside its
 * producer; for the producers applications get from HttpClient itself ({@code SimpleHttpRequest},
 * {@code SimpleRequestProducer}, {@code AsyncRequestBuilder}: all a {@code BasicRequestProducer})
 * it is read from there up front, so other traffic costs the endpoint check alone. Requests made
 * with a producer of the application's own are not seen, unless it wraps one of those (as the
 * OpenTelemetry Java agent's does).
 *
 * <p>For an AI request the producer and the consumer are replaced by proxies of the library's own
 * interfaces: the producer's proxy shows the call each buffer the client writes, the consumer's
 * each buffer the application's consumer receives, before it receives it.
 */
public final class ApacheAsyncClientTap implements ClientHooks {

  // The hooks woven into its library, by name.
  static final String EXECUTE = "apache-httpclient-async.execute";

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

  private static final String PRODUCER = "org.apache.hc.core5.http.nio.AsyncRequestProducer";
  /** How many producers deep a request is looked for: a tracing agent's wrapper around the client's own, and one more. */
  private static final int WRAPPERS = 2;

  /**
   * The field holding the producer a producer delegates to, or null: the OpenTelemetry Java
   * agent's hook of {@code execute} hands {@code doExecute} its own producer around the
   * application's.
   */
  private static final ClassValue<Field> DELEGATE_FIELD =
      new ClassValue<Field>() {
        @Override
        protected Field computeValue(Class<?> producerClass) {
          for (Class<?> c = producerClass; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              if (!Modifier.isStatic(field.getModifiers()) && field.getType().getName().equals(PRODUCER)) {
                try {
                  field.setAccessible(true);
                  return field;
                } catch (RuntimeException e) {
                  return null;
                }
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

  /** Answers the pair, or null; nothing but a pair replaces the arguments. */
  @Override
  public void registerHooks(HookRegistry hooks) {
    hooks.add(EXECUTE, (client, producer, consumer, thrown) -> execute(client, producer, consumer));
  }

  /** Returns the producer and consumer the client should use instead, or null when this is no AI call. */
  public Object[] execute(Object target, Object producer, Object consumer) throws Exception {
    if (producer == null || consumer == null || ProxyHandlers.isTapped(producer, TappedAsyncProducer.class)) {
      return null;
    }
    Object request = requestOf(producer);
    if (request == null) {
      return null;
    }
    ApacheMessages api = ApacheMessages.of(request);
    if (api == null) {
      return null;
    }
    AiCall call = calls.start(api.uri(target, request), name -> api.header(request, name));
    if (call == null) {
      return null;
    }
    return new Object[] {
      proxy(producer, "org.apache.hc.core5.http.nio.AsyncRequestProducer", new TappedAsyncProducer(producer, call)),
      proxy(consumer, "org.apache.hc.core5.http.nio.AsyncResponseConsumer", new TappedAsyncConsumer(consumer, call))
    };
  }

  /** The request of a {@code BasicRequestProducer}, or of one it is wrapped in; else null. */
  private static Object requestOf(Object producer) throws IllegalAccessException {
    Object current = producer;
    for (int depth = 0; current != null && depth <= WRAPPERS; depth++) {
      Field request = REQUEST_FIELD.get(current.getClass());
      if (request != null) {
        return request.get(current);
      }
      Field delegate = DELEGATE_FIELD.get(current.getClass());
      current = delegate == null ? null : delegate.get(current);
    }
    return null;
  }

  /** A proxy of the library's interface {@code interfaceName}, as seen from {@code delegate}'s loader. */
  private static Object proxy(Object delegate, String interfaceName, InvocationHandler handler)
      throws ClassNotFoundException {
    return ProxyHandlers.proxy(Class.forName(interfaceName, false, delegate.getClass().getClassLoader()), handler);
  }
}
