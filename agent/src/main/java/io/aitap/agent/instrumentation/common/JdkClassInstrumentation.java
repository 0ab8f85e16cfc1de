package io.aitap.agent.instrumentation.common;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** A client built into the JDK: advice on one internal class of a named module. */
public abstract class JdkClassInstrumentation implements ClientInstrumentation {

  private final String name;
  private final String module;
  private final String className;

  protected JdkClassInstrumentation(String name, String module, String className) {
    this.name = name;
    this.module = module;
    this.className = className;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> typeNames() {
    return List.of(className);
  }

  @Override
  public final ElementMatcher<TypeDescription> types() {
    return named(className);
  }

  /** The module that holds the class; none when the running JDK leaves it out of its image. */
  @Override
  public final Set<String> modules() {
    return ModuleLayer.boot().findModule(module).isPresent() ? Set.of(module) : Set.of();
  }
}
