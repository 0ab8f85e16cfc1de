package io.aitap.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

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
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/** Installs the advice of every enabled client library, retransforming classes already loaded. */
public final class ClientInstrumentations {

  private ClientInstrumentations() {}

  /**
   * Every client aitap taps, each with the instrumentations that put its advice in place and the
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
   * Hands the bridge every client's hooks, their calls started by {@code calls}, puts the advice of
   * the enabled instrumentations in place and retransforms the client classes already loaded.
   * Returns the names of the instrumentations installed.
   */
  public static List<String> install(Instrumentation instrumentation, AitapConfig config, CallStarts calls) {
    List<ClientInstrumentation> enabled = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> packages = new ArrayList<>();
    for (ClientInstrumentation client : instrumentations()) {
      if (config.instrumentationEnabled(client.name())) {
        enabled.add(client);
        names.add(client.name());
        packages.addAll(client.packages());
        for (String module : client.modules()) {
          letModuleReadBridge(instrumentation, module);
        }
      }
    }
    ClientPackageFilter filter;
    try {
      HookRegistry hooks = new HookRegistry();
      for (ClientModule module : MODULES) {
        module.taps.apply(calls).registerHooks(hooks);
      }
      AitapBridge.install(hooks.byName());
      filter = new ClientPackageFilter(packages, byteBuddy(enabled));
    } catch (Throwable t) {
      AgentLog.warn("aitap could not instrument the HTTP clients, no AI call will be seen", t);
      return List.of();
    }
    // registered only once Byte Buddy is ready, so no class ever waits for it; what was loaded
    // before (by the application, when aitap is attached late) is retransformed here
    instrumentation.addTransformer(filter, true);
    retransformLoaded(instrumentation, filter);
    return names;
  }

  /** One class at a time: one that cannot be retransformed leaves the others be. */
  private static void retransformLoaded(Instrumentation instrumentation, ClientPackageFilter filter) {
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (filter.admits(type.getName().replace('.', '/')) && instrumentation.isModifiableClass(type)) {
        try {
          instrumentation.retransformClasses(type);
        } catch (Throwable t) {
          AgentLog.debug("could not instrument " + type.getName(), t);
        }
      }
    }
  }

  private static ClassFileTransformer byteBuddy(List<ClientInstrumentation> clients) {
    // Byte Buddy's Nexus (unused with disableClassFormatChanges) is built eagerly and reaches for
    // sun.misc.Unsafe, which Java 24+ reports on stderr. The property name is relocated with Byte Buddy.
    System.setProperty(Nexus.PROPERTY, "true");
    // Advice goes on declared methods only, so the type's hierarchy need not be resolved. Another
    // agent may have added interfaces no class file describes (the OpenTelemetry Java agent's
    // virtual-field accessors, defined at run time): resolving them would fail the transformation.
    AgentBuilder builder =
        new AgentBuilder.Default(new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
            .disableClassFormatChanges()
            .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(new FailureListener())
            .ignore(nameStartsWith("io.aitap.").or(nameStartsWith("net.bytebuddy.")));
    for (ClientInstrumentation client : clients) {
      AdviceCollector advice = new AdviceCollector();
      client.advise(advice);
      builder = builder.type(client.types()).transform(advice.transformer);
    }
    return builder.makeRaw();
  }

  static List<ClientInstrumentation> instrumentations() {
    List<ClientInstrumentation> all = new ArrayList<>();
    for (ClientModule module : MODULES) {
      all.addAll(module.instrumentations);
    }
    return all;
  }

  /**
   * Advice inlined into a named JDK module calls the bridge, which lives in the bootstrap loader's
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

  private static final class AdviceCollector implements ClientInstrumentation.Advisor {
    AgentBuilder.Transformer.ForAdvice transformer =
        new AgentBuilder.Transformer.ForAdvice().include(ClientInstrumentations.class.getClassLoader());

    @Override
    public void advise(ElementMatcher<? super MethodDescription> methods, Class<?> adviceClass) {
      transformer = transformer.advice(methods, adviceClass.getName());
    }

    @Override
    public void advise(ElementMatcher<? super MethodDescription> methods, Class<?> enterAdvice, Class<?> exitAdvice) {
      transformer = transformer.advice(methods, enterAdvice.getName(), exitAdvice.getName());
    }
  }

  private static final class FailureListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(
        String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
      AgentLog.debug("could not instrument " + typeName, throwable);
    }

    @Override
    public void onTransformation(
        TypeDescription typeDescription,
        ClassLoader classLoader,
        JavaModule module,
        boolean loaded,
        DynamicType dynamicType) {
      AgentLog.debug("instrumented " + typeDescription.getName());
    }
  }
}
