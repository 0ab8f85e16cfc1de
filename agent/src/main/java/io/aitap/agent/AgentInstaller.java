package io.aitap.agent;

import io.aitap.agent.attribution.Attribution;
import io.aitap.agent.call.CallFactory;
import io.aitap.agent.call.CallSink;
import io.aitap.agent.call.CallSinks;
import io.aitap.agent.capture.CaptureSettings;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.cost.CostCalculator;
import io.aitap.agent.instrumentation.ClientInstrumentations;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.slo.Slo;
import io.aitap.agent.slo.SloParser;
import io.aitap.agent.summary.TerminalSummary;
import io.aitap.agent.telemetry.GenAiTelemetry;
import io.aitap.agent.telemetry.TelemetrySdk;
import io.aitap.agent.telemetry.TelemetryStarter;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Paths;
import java.util.List;

/**
 * Starts aitap inside the JVM: the instrumentation first, so no AI call made during start-up is
 * missed; the OpenTelemetry SDK and the prices then start on threads of their own, so the
 * application never waits for them (calls that end before the SDK has started are handed to it
 * once it has).
 */
final class AgentInstaller {

  private AgentInstaller() {}

  /** The SLOs of {@code aitap.slo.file}, or none when it is unset or cannot be read: the summary is a convenience. */
  private static List<Slo> summarySlos(AitapConfig config) {
    String file = config.sloFile();
    if (file == null) {
      return List.of();
    }
    try {
      return SloParser.read(Paths.get(file));
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("aitap.slo.file " + file + " is not used", e);
      return List.of();
    }
  }

  static void install(Instrumentation instrumentation, AitapConfig config) {
    String version = AgentVersion.get();

    CostCalculator costs = CostCalculator.fromConfig(config);
    GenAiTelemetry telemetry = new GenAiTelemetry(version, costs);
    CallSink sink = telemetry;
    TerminalSummary summary = null;
    if (config.summaryEnabled()) {
      summary = new TerminalSummary(costs, summarySlos(config), config.serviceName(), config.summaryGroupBy());
      sink = CallSinks.of(telemetry, summary);
    }
    CallFactory calls = new CallFactory(
        EndpointClassifier.fromConfig(config), sink, CaptureSettings.fromConfig(config), Attribution.fromConfig(config));
    List<String> instrumented = ClientInstrumentations.install(instrumentation, config, calls);

    TelemetryStarter starter = new TelemetryStarter(telemetry);
    starter.start();
    Runtime.getRuntime().addShutdownHook(new Thread(new Shutdown(calls, summary, starter, config.shutdownTimeout()), "aitap-shutdown"));
    AgentLog.info(
        "aitap " + version + " started: " + TelemetrySdk.describeExporters()
            + ", instrumented " + String.join(", ", instrumented));
  }
}
