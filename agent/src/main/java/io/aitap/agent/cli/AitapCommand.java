package io.aitap.agent.cli;

import io.aitap.agent.AgentVersion;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.cost.PricedModel;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/** {@code java -jar aitap-agent.jar …}: what the agent jar does when it is run rather than attached. */
public final class AitapCommand {

  private final PrintStream out;
  private final PrintStream err;

  AitapCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new AitapCommand(System.out, System.err).run(args));
  }

  int run(String[] args) {
    String command = args.length == 0 ? "help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "help":
      case "--help":
      case "-h":
        help();
        return 0;
      case "version":
      case "--version":
        out.println("aitap " + AgentVersion.get());
        return 0;
      case "price":
        return price(rest);
      case "attach":
        return attach(rest);
      case "slo":
        return SloCommand.run(rest, out, err);
      default:
        err.println("aitap: unknown command '" + command + "'");
        help();
        return 2;
    }
  }

  private void help() {
    out.println("aitap " + AgentVersion.get() + ": OpenTelemetry GenAI telemetry for the AI calls of a JVM, with no code change.");
    out.println();
    out.println("As an agent:   java -javaagent:aitap-agent.jar -jar your-service.jar");
    out.println();
    out.println("Commands:");
    out.println("  help                                  this text");
    out.println("  version                               the agent's version");
    out.println("  price [<model>] [--endpoint <host>]   the price list in use and its age; the price aitap applies to a model");
    out.println("  attach <pid> [<agent arguments>]      start the agent in a running JVM");
    out.println("  slo <slo.yaml> [-o <rules.yml>]       Prometheus recording rules and alerts for the SLOs and budgets of slo.yaml");
  }

  private int price(String[] args) {
    CostCalculator costs = CostCalculator.fromConfig(AitapConfig.fromSystem());
    out.println("price list: " + costs.describeList(java.time.Instant.now()));
    if (args.length == 0) {
      out.println("usage: price <model> [--endpoint <host>]");
      return 0;
    }
    String endpoint = args.length >= 3 && args[1].equals("--endpoint") ? args[2] : null;
    PricedModel price = costs.priceFor(args[0], endpoint);
    if (price == null) {
      out.println(args[0] + ": no price; calls to it are counted in aitap.cost.unpriced_calls (add it with aitap.pricing.file)");
      return 1;
    }
    out.println(args[0] + " -> " + price);
    return 0;
  }

  /** Uses the JDK's attach API, looked up at run time: it lives in the jdk.attach module, absent from JREs. */
  private int attach(String[] args) {
    if (args.length == 0) {
      err.println("usage: attach <pid> [<agent arguments>]");
      return 2;
    }
    try {
      String jar = new File(AitapCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
      Class<?> vmType = Class.forName("com.sun.tools.attach.VirtualMachine");
      Object vm = vmType.getMethod("attach", String.class).invoke(null, args[0]);
      try {
        Method load = vmType.getMethod("loadAgent", String.class, String.class);
        load.invoke(vm, jar, args.length > 1 ? String.join(" ", Arrays.copyOfRange(args, 1, args.length)) : null);
      } finally {
        vmType.getMethod("detach").invoke(vm);
      }
      out.println("aitap attached to " + args[0]);
      return 0;
    } catch (ClassNotFoundException e) {
      err.println("aitap: attaching needs a JDK (the jdk.attach module), not a JRE");
      return 1;
    } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      err.println("aitap: could not attach to " + args[0] + ": " + cause);
      return 1;
    }
  }
}
