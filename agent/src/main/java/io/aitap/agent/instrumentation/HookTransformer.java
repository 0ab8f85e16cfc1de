package io.aitap.agent.instrumentation;

import io.aitap.agent.AgentLog;
import io.aitap.agent.instrumentation.weaving.ClassWeaver;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.TypeView;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;

/**
 * Weaves each client's hooks into its classes as they load, or as they are retransformed.
 *
 * <p>Every class the JVM loads passes through here; one not named by an enabled client (by its full
 * name, or a package prefix) costs a few string comparisons and nothing else. Turning it away first
 * is also what keeps aitap from ever running inside the loading of a JDK class it needs itself.
 * When the first {@code ThreadLocalRandom} is loaded and a transformer, on the same thread, reaches
 * for it (a contended {@code ConcurrentHashMap} does), the JVM throws {@code ClassCircularityError}
 * and remembers it: from then on that map method fails for the whole application (JDK-8164165).
 * Classes no client names are turned away before any collection is touched, so no such load can
 * enter them.
 */
final class HookTransformer implements ClassFileTransformer {

  private final List<Client> clients = new ArrayList<>();

  HookTransformer(List<ClientInstrumentation> clients) {
    for (ClientInstrumentation client : clients) {
      this.clients.add(new Client(client));
    }
  }

  /** Whether an enabled client names the class, given by its slash-separated name. */
  boolean admits(String internalName) {
    for (Client client : clients) {
      if (client.names.admit(internalName)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
    if (!admits(internalName)) {
      return null;
    }
    try {
      return weave(loader, internalName, bytes);
    } catch (Throwable t) {
      AgentLog.debug("could not instrument " + internalName, t);
      return null;
    }
  }

  private byte[] weave(ClassLoader loader, String internalName, byte[] bytes) {
    TypeView type = TypeView.of(internalName, bytes, loader);
    List<HookPoint> points = new ArrayList<>();
    for (Client client : clients) {
      if (client.names.admit(internalName) && client.instrumentation.matches(type)) {
        points.addAll(client.points);
      }
    }
    if (points.isEmpty()) {
      return null;
    }
    byte[] woven = ClassWeaver.weave(type, points);
    if (woven != null) {
      AgentLog.debug("instrumented " + type.name());
    }
    return woven;
  }

  /** One client: the names that admit its classes, and its hook points. */
  private static final class Client {
    final ClientInstrumentation instrumentation;
    final TypeNames names;
    final List<HookPoint> points;

    Client(ClientInstrumentation instrumentation) {
      this.instrumentation = instrumentation;
      this.names = new TypeNames(instrumentation.typeNames());
      this.points = instrumentation.hookPoints();
    }
  }
}
