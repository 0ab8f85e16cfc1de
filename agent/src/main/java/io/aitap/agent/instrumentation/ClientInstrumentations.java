package io.aitap.agent.instrumentation;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.instrumentation.apachehttpclient.ApacheAsyncClientTap;
import io.aitap.agent.instrumentation.apachehttpclient.ApacheHttpClientInstrumentation;
import io.aitap.agent.instrumentation.apachehttpclient.ApacheHttpClientTap;
import io.aitap.agent.instrumentation.awssdk.AwsAsyncClientInstrumentation;
import io.aitap.agent.instrumentation.awssdk.AwsAsyncClientTap;
import io.aitap.agent.instrumentation.jdkhttp.JdkHttpClientInstrumentation;
import io.aitap.agent.instrumentation.jdkhttp.JdkHttpClientTap;
import io.aitap.agent.instrumentation.okhttp.OkHttpInstrumentation;
import io.aitap.agent.instrumentation.okhttp.OkHttpTap;
import io.aitap.agent.instrumentation.reactornetty.ReactorNettyInstrumentation;
import io.aitap.agent.instrumentation.reactornetty.ReactorNettyTap;
import io.aitap.agent.instrumentation.urlconnection.UrlConnectionInstrumentation;
import io.aitap.agent.instrumentation.urlconnection.UrlConnectionTap;
import io.aitap.agent.instrumentation.vertx.VertxHttpClientInstrumentation;
import io.aitap.agent.instrumentation.vertx.VertxHttpClientTap;
import io.aitap.bootstrap.AitapBridge;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Weaves the hooks of every enabled client library, retransforming classes already loaded. */
public final class ClientInstrumentations {

  private ClientInstrumentations() {}

  /**
   * Every client aitap taps, each with the instrumentations that weave its hooks and the
   * tap its hooks run in. Adding a client is a package under {@code instrumentation/} and a line here.
   */
  private static final List<ClientModule> MODULES =
      List.of(
          new ClientModule(JdkHttpClientTap::new, new JdkHttpClientInstrumentation()),
          new ClientModule(UrlConnectionTap::new, new UrlConnectionInstrumentation()),
          new ClientModule(OkHttpTap::new, new OkHttpInstrumentation()),
          new ClientModule(
              ApacheHttpClientTap::new,
              ApacheHttpClientInstrumentation.httpClient4(),
              ApacheHttpClientInstrumentation.httpClient5()),
          new ClientModule(ApacheAsyncClientTap::new, ApacheHttpClientInstrumentation.httpClient5Async()),
          new ClientModule(AwsAsyncClientTap::new, new AwsAsyncClientInstrumentation()),
          new ClientModule(VertxHttpClientTap::new, new VertxHttpClientInstrumentation()),
          new ClientModule(ReactorNettyTap::new, new ReactorNettyInstrumentation()));

  /**
   * Hands the bridge every client's hooks, their calls started by {@code calls}, weaves the hooks of
   * the enabled instrumentations in place and retransforms the client classes already loaded.
   * Returns the names of the instrumentations installed.
   */
  public static List<String> install(Instrumentation instrumentation, AitapConfig config, CallStarts calls) {
    List<ClientInstrumentation> enabled = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ClientInstrumentation client : instrumentations()) {
      if (config.instrumentationEnabled(client.name())) {
        enabled.add(client);
        names.add(client.name());
        for (String module : client.modules()) {
          letModuleReadBridge(instrumentation, module);
        }
      }
    }
    HookTransformer transformer;
    try {
      HookRegistry hooks = new HookRegistry();
      for (ClientModule module : MODULES) {
        module.taps.apply(calls).registerHooks(hooks);
      }
      AitapBridge.install(hooks.byName());
      transformer = new HookTransformer(enabled);
    } catch (Throwable t) {
      AgentLog.warn("aitap could not instrument the HTTP clients, no AI call will be seen", t);
      return List.of();
    }
    // what was loaded before (by the application, when aitap is attached late) is retransformed here
    instrumentation.addTransformer(transformer, true);
    retransformLoaded(instrumentation, transformer);
    return names;
  }

  /** One class at a time: one that cannot be retransformed leaves the others be. */
  private static void retransformLoaded(Instrumentation instrumentation, HookTransformer transformer) {
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (transformer.admits(type.getName().replace('.', '/')) && instrumentation.isModifiableClass(type)) {
        try {
          instrumentation.retransformClasses(type);
        } catch (Throwable t) {
          AgentLog.debug("could not instrument " + type.getName(), t);
        }
      }
    }
  }

  static List<ClientInstrumentation> instrumentations() {
    List<ClientInstrumentation> all = new ArrayList<>();
    for (ClientModule module : MODULES) {
      all.addAll(module.instrumentations);
    }
    return all;
  }

  /**
   * Hooks woven into a named JDK module calls the bridge, which lives in the bootstrap loader's
   * unnamed module; without this edge the first call fails with {@code IllegalAccessError}.
   */
  private static void letModuleReadBridge(Instrumentation instrumentation, String moduleName) {
    Module bridge = AitapBridge.class.getModule();
    ModuleLayer.boot()
        .findModule(moduleName)
        .ifPresent(
            module ->
                instrumentation.redefineModule(
                    module, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of()));
  }

  /** One client: its instrumentations, and the tap its hooks run in. */
  private static final class ClientModule {
    final Function<CallStarts, ? extends ClientHooks> taps;
    final List<ClientInstrumentation> instrumentations;

    ClientModule(Function<CallStarts, ? extends ClientHooks> taps, ClientInstrumentation... instrumentations) {
      this.taps = taps;
      this.instrumentations = List.of(instrumentations);
    }
  }
}
