package io.aitap.agent.instrumentation.weaving;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Which methods of a class get hooks: by name, access, argument and return types, all read from
 * the class file. Constructors, abstract and native methods never match: there is no code of
 * theirs to weave into.
 */
public final class Methods {

  private final List<String> names;
  private final boolean namePrefix;
  private String declaringClass;
  private int requiredAccess;
  private int[] argumentCounts;
  private final List<Argument> arguments = new ArrayList<>();
  private String returned;

  private Methods(List<String> names, boolean namePrefix) {
    this.names = names;
    this.namePrefix = namePrefix;
  }

  /** A method of any of these names. */
  public static Methods named(String... names) {
    return new Methods(List.of(names), false);
  }

  /** A method whose name starts so (Kotlin appends the module to the name of an internal method). */
  public static Methods nameStartsWith(String prefix) {
    return new Methods(List.of(prefix), true);
  }

  /** Only the methods declared by the class of this dotted name. */
  public Methods declaredBy(String className) {
    declaringClass = className;
    return this;
  }

  public Methods isPrivate() {
    requiredAccess |= Opcodes.ACC_PRIVATE;
    return this;
  }

  public Methods isPublic() {
    requiredAccess |= Opcodes.ACC_PUBLIC;
    return this;
  }

  /** Taking one of these numbers of arguments. */
  public Methods arguments(int... counts) {
    argumentCounts = counts.clone();
    return this;
  }

  /** Argument {@code index} of one of these types, by dotted name ({@code boolean} for a primitive). */
  public Methods argument(int index, String... typeNames) {
    arguments.add(new Argument(index, List.of(typeNames)));
    return this;
  }

  public Methods returns(String typeName) {
    returned = typeName;
    return this;
  }

  /** Whether the method of this access, name and descriptor, declared by {@code owner} (dotted), matches. */
  boolean matches(String owner, int access, String name, String descriptor) {
    if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
        || (access & requiredAccess) != requiredAccess
        || name.startsWith("<")
        || !nameMatches(name)
        || (declaringClass != null && !declaringClass.equals(owner))) {
      return false;
    }
    Type[] types = Type.getArgumentTypes(descriptor);
    if (!countMatches(types.length)) {
      return false;
    }
    for (Argument argument : arguments) {
      if (argument.index >= types.length || !argument.typeNames.contains(types[argument.index].getClassName())) {
        return false;
      }
    }
    return returned == null || returned.equals(Type.getReturnType(descriptor).getClassName());
  }

  private boolean countMatches(int count) {
    if (argumentCounts == null) {
      return true;
    }
    for (int allowed : argumentCounts) {
      if (allowed == count) {
        return true;
      }
    }
    return false;
  }

  private boolean nameMatches(String name) {
    if (namePrefix) {
      return name.startsWith(names.get(0));
    }
    return names.contains(name);
  }

  private static final class Argument {
    final int index;
    final List<String> typeNames;

    Argument(int index, List<String> typeNames) {
      this.index = index;
      this.typeNames = typeNames;
    }
  }
}
