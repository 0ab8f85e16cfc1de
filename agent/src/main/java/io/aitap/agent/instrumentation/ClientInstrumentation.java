package io.aitap.agent.instrumentation;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One HTTP client library: which of its classes get advice, on which methods. Matches by class and
 * signature, so a version without them is simply not touched.
 */
public interface ClientInstrumentation {

  /** Used in {@code aitap.instrumentation.<name>.enabled} and the startup line. */
  String name();

  ElementMatcher<TypeDescription> types();

  /**
   * The names of every type {@link #types()} can match, each a class's full dotted name or a package
   * prefix ending in a dot. A class named otherwise never reaches Byte Buddy (see
   * {@link AdviceTransformer}); the narrower the names, the fewer classes are read at start-up.
   */
  List<String> typeNames();

  void advise(Advisor advisor);

  /** Named modules whose classes receive advice, and so must be able to read the bootstrap bridge. */
  default Set<String> modules() {
    return Collections.emptySet();
  }

  /** Collects (methods, advice) pairs. */
  interface Advisor {
    void advise(ElementMatcher<? super MethodDescription> methods, Class<?> adviceClass);

    /** Enter advice from one class, exit advice from another: one enter advice can serve many methods. */
    void advise(ElementMatcher<? super MethodDescription> methods, Class<?> enterAdvice, Class<?> exitAdvice);
  }
}
