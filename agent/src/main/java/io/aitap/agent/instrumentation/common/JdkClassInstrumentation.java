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
  private final String packageName;
  private final ElementMatcher<TypeDescription> type;

  protected JdkClassInstrumentation(String name, String className) {
    this.name = name;
    this.packageName = className.substring(0, className.lastIndexOf('.'));
    this.type = named(className);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<String> packages() {
    return List.of(packageName + ".");
  }

  @Override
  public final ElementMatcher<TypeDescription> types() {
    return type;
  }

  /** The module of the running JDK that holds the class; none when this JDK leaves it out. */
  @Override
  public final Set<String> modules() {
    for (Module module : ModuleLayer.boot().modules()) {
      if (module.getPackages().contains(packageName)) {
        return Set.of(module.getName());
      }
    }
    return Set.of();
  }
}
