package io.aitap.agent.instrumentation.common;

import io.aitap.agent.instrumentation.ClientInstrumentation;
import io.aitap.agent.instrumentation.weaving.TypeView;
import java.util.List;
import java.util.Set;

/** A client built into the JDK: hooks in one internal class of a named module. */
public abstract class JdkClassInstrumentation implements ClientInstrumentation {

  private final String name;
  private final String className;
  /** None when the running JDK leaves the module out of its image. */
  private final Set<String> modules;

  protected JdkClassInstrumentation(String name, String module, String className) {
    this.name = name;
    this.className = className;
    this.modules = ModuleLayer.boot().findModule(module).isPresent() ? Set.of(module) : Set.of();
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
  public final boolean matches(TypeView type) {
    return type.name().equals(className);
  }

  @Override
  public final Set<String> modules() {
    return modules;
  }
}
