package io.aitap.agent.instrumentation;

import java.util.Collection;

/** Dotted package prefixes, checked against the slash-separated names the JVM hands a transformer. */
final class PackagePrefixes {

  private final String[] internal;

  PackagePrefixes(Collection<String> dotted) {
    this.internal = dotted.stream().map(p -> p.replace('.', '/')).distinct().toArray(String[]::new);
  }

  boolean admit(String internalName) {
    if (internalName == null) {
      return false;
    }
    for (String prefix : internal) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
