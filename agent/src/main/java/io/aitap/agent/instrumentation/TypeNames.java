package io.aitap.agent.instrumentation;

import java.util.Collection;

/**
 * The names a client's types may have, checked against the slash-separated names the JVM hands a
 * transformer: a class's full name, or a package prefix (dotted, ending in a dot).
 */
final class TypeNames {

  private final String[] prefixes;
  private final String[] exact;

  TypeNames(Collection<String> dotted) {
    this.prefixes = dotted.stream().filter(n -> n.endsWith(".")).map(TypeNames::internal).distinct().toArray(String[]::new);
    this.exact = dotted.stream().filter(n -> !n.endsWith(".")).map(TypeNames::internal).distinct().toArray(String[]::new);
  }

  private static String internal(String dotted) {
    return dotted.replace('.', '/');
  }

  boolean admit(String internalName) {
    if (internalName == null) {
      return false;
    }
    for (String name : exact) {
      if (internalName.equals(name)) {
        return true;
      }
    }
    for (String prefix : prefixes) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
