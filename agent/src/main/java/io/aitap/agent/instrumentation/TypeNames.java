package io.aitap.agent.instrumentation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a client's types may have, checked against the slash-separated names the JVM hands a
 * transformer: a class's full name, or a package prefix (dotted, ending in a dot).
 */
final class TypeNames {

  private final String[] prefixes;
  private final String[] exact;

  /** Built in {@code premain}: a plain loop, as streams there would be the application's start-up cost. */
  TypeNames(Collection<String> dotted) {
    Set<String> prefixes = new LinkedHashSet<>();
    Set<String> exact = new LinkedHashSet<>();
    for (String name : dotted) {
      (name.endsWith(".") ? prefixes : exact).add(name.replace('.', '/'));
    }
    this.prefixes = prefixes.toArray(new String[0]);
    this.exact = exact.toArray(new String[0]);
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
