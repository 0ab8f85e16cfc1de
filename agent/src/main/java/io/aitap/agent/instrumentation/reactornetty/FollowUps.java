package io.aitap.agent.instrumentation.reactornetty;

import io.aitap.agent.AgentLog;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether {@code HttpClientOperations} decided, on the response head, to follow it up with a new
 * request: the fields {@code redirecting} (every version) and {@code authenticating} (1.3) hold the
 * reason then. Read only for 3xx, 401 and 407 answers.
 */
final class FollowUps {

  private static final String[] FIELDS = {"redirecting", "authenticating"};

  private static final ClassValue<List<Field>> REASONS =
      new ClassValue<List<Field>>() {
        @Override
        protected List<Field> computeValue(Class<?> operationsClass) {
          List<Field> fields = new ArrayList<>();
          for (String name : FIELDS) {
            Field field = declared(operationsClass, name);
            if (field != null) {
              fields.add(field);
            }
          }
          return fields;
        }
      };

  private FollowUps() {}

  /** The field of that name of the class or a superclass, or null when this version has none. */
  private static Field declared(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look further up
      } catch (RuntimeException e) {
        AgentLog.debug("cannot tell whether Reactor Netty follows up a response: " + e);
        return null;
      }
    }
    return null;
  }

  static boolean pending(Object operations) {
    for (Field field : REASONS.get(operations.getClass())) {
      try {
        if (field.get(operations) != null) {
          return true;
        }
      } catch (IllegalAccessException e) {
        return false;
      }
    }
    return false;
  }
}
