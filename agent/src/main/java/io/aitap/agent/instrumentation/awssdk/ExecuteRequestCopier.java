package io.aitap.agent.instrumentation.awssdk;

import static io.aitap.agent.instrumentation.common.LibraryMethods.invoke;

import io.aitap.agent.instrumentation.common.LibraryMethods;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a copy of an {@code AsyncExecuteRequest} with another body publisher and response
 * handler. The class is final, immutable and has no {@code toBuilder}, so the copy goes through
 * its public builder, one property at a time. Only a request whose every property aitap knows is
 * copied: a later SDK that adds one is left alone rather than handed a copy that lost it.
 */
final class ExecuteRequestCopier {

  static final String BODY = "requestContentPublisher";
  static final String HANDLER = "responseHandler";

  /** Each property the SDK has had (getter name) and the builder method that sets it. */
  private static final Map<String, String> SETTERS =
      Map.of(
          "request", "request",
          BODY, BODY,
          HANDLER, HANDLER,
          "metricCollector", "metricCollector",
          "fullDuplex", "fullDuplex",
          "sdkHttpExecutionAttributes", "sdkHttpAttributes",
          "httpExecutionAttributes", "httpExecutionAttributes");

  private final Method newBuilder;
  private final Method build;
  private final List<Method> getters = new ArrayList<>();
  private final List<Method> setters = new ArrayList<>();

  /** Throws when this SDK's request has a property aitap does not know. */
  ExecuteRequestCopier(Class<?> requestClass) throws ReflectiveOperationException {
    newBuilder = LibraryMethods.require(requestClass, "builder");
    Class<?> builder = newBuilder.getReturnType();
    build = LibraryMethods.require(builder, "build");
    for (Method getter : requestClass.getDeclaredMethods()) {
      if (!Modifier.isPublic(getter.getModifiers()) || Modifier.isStatic(getter.getModifiers())
          || getter.getParameterCount() != 0 || isObjectMethod(getter)) {
        continue;
      }
      String setter = SETTERS.get(getter.getName());
      if (setter == null) {
        throw new NoSuchMethodException("unknown property " + getter.getName());
      }
      getters.add(getter);
      setters.add(setterOf(builder, setter));
    }
  }

  private static boolean isObjectMethod(Method method) {
    try {
      Object.class.getMethod(method.getName());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Method setterOf(Class<?> builder, String name) throws NoSuchMethodException {
    for (Method method : builder.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == 1) {
        return LibraryMethods.require(builder, name, method.getParameterTypes());
      }
    }
    throw new NoSuchMethodException(builder.getName() + "." + name);
  }

  /** The request, with {@code body} and {@code handler} in place of its own. */
  Object copy(Object request, Object body, Object handler) throws Exception {
    Object builder = invoke(newBuilder, null);
    for (int i = 0; i < getters.size(); i++) {
      String property = getters.get(i).getName();
      Object value =
          property.equals(BODY) ? body : property.equals(HANDLER) ? handler : invoke(getters.get(i), request);
      if (value instanceof Optional) {
        value = ((Optional<?>) value).orElse(null);
      }
      if (value != null) {
        invoke(setters.get(i), builder, value);
      }
    }
    return invoke(build, builder);
  }
}
