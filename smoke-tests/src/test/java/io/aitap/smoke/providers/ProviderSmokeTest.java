package io.aitap.smoke.providers;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.ClientProgram;
import io.aitap.smoke.replay.RunChecks;
import io.aitap.smoke.replay.SmokePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture of every provider through each client program (Vert.x: the OpenAI family's), on
 * each test JDK: a real JVM with the real agent jar against the fake provider under the providers'
 * real host names, compared with the same program without the agent and with what the OTLP
 * receiver got. The JDK's own classes are verified as they load, the ones aitap hooks included.
 */
public class ProviderSmokeTest {

  @TestFactory
  Stream<DynamicContainer> everyProviderThroughEachClient() {
    List<DynamicContainer> jdks = new ArrayList<>();
    for (TestJdk jdk : TestJdk.all()) {
      List<DynamicContainer> clients = new ArrayList<>();
      for (ClientProgram client : ClientProgram.all()) {
        clients.add(RunChecks.started(jdk, client, SmokePlan::of, (jvm, provider) -> jvm.verifyingJdkClasses()));
      }
      for (ClientProgram client : ClientProgram.vertxClients()) {
        clients.add(RunChecks.started(jdk, client, SmokePlan::ofOpenAiFamily, (jvm, provider) -> jvm.verifyingJdkClasses()));
      }
      jdks.add(dynamicContainer(jdk.toString(), clients));
    }
    return jdks.stream();
  }
}
