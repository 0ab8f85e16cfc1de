package io.aitap.agent.instrumentation;

import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.TypeView;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One HTTP client library: which of its classes get hooks, in which methods. Matches by class and
 * signature, so a version without them is simply not touched.
 */
public interface ClientInstrumentation {

  /** Used in {@code aitap.instrumentation.<name>.enabled} and the startup line. */
  String name();

  /**
   * The names of every type {@link #matches} can accept, each a class's full dotted name or a
   * package prefix ending in a dot. A class named otherwise is never read (see
   * {@link HookTransformer}); the narrower the names, the fewer classes are read at start-up.
   */
  List<String> typeNames();

  /** Whether the class, one that {@link #typeNames()} names, gets the hook points. */
  boolean matches(TypeView type);

  List<HookPoint> hookPoints();

  /** Named modules whose classes receive hooks, and so must be able to read the bootstrap bridge. */
  default Set<String> modules() {
    return Collections.emptySet();
  }
}
