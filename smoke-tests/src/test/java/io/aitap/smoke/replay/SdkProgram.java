package io.aitap.smoke.replay;

import static io.aitap.smoke.replay.SmokePlan.SdkCall.plain;
import static io.aitap.smoke.replay.SmokePlan.SdkCall.sdk;
import static io.aitap.smoke.replay.SmokePlan.Transport.HTTP;
import static io.aitap.smoke.replay.SmokePlan.Transport.HTTPS;

import io.aitap.smoke.clients.okhttpapache.ApacheHttpClient5Program;
import io.aitap.smoke.clients.sdk.AnthropicJavaProgram;
import io.aitap.smoke.clients.sdk.BedrockRuntimeProgram;
import io.aitap.smoke.clients.sdk.GoogleGenAiProgram;
import io.aitap.smoke.clients.sdk.LangChain4jOllamaProgram;
import io.aitap.smoke.clients.sdk.LangChain4jProgram;
import io.aitap.smoke.clients.sdk.OpenAiJavaProgram;
import io.aitap.smoke.clients.sdk.RetrofitProgram;
import io.aitap.smoke.harness.AgentJvm;
import io.aitap.smoke.harness.ClientLibrary;
import io.aitap.smoke.harness.TestJdk;
import io.aitap.smoke.replay.SmokePlan.SdkCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A program written against an official SDK or framework alone — or a plain HTTP client calling an
 * OpenAI-compatible relay as an application would — the calls it makes, and the class path it
 * runs on, as the build resolved it for an application.
 */
public final class SdkProgram {

  private final String name;
  private final String artifact;
  private final Class<?> mainClass;
  private final Supplier<Path> libraries;
  private final List<SdkCall> calls;

  /**
   * @param artifact the artifact whose jar on the class path tells the version
   * @param libraries where its class path is, asked for only when it runs
   */
  private SdkProgram(String name, String artifact, Class<?> mainClass, Supplier<Path> libraries,
      List<SdkCall> calls) {
    this.name = name;
    this.artifact = artifact;
    this.mainClass = mainClass;
    this.libraries = libraries;
    this.calls = calls;
  }

  /** A program run on the class path of the application {@code src/it/sdk-<application>}. */
  private static SdkProgram sdkApplication(String name, String artifact, Class<?> mainClass, String application,
      SdkCall... calls) {
    return new SdkProgram(name, artifact, mainClass, () -> AgentJvm.sdkLibraries(application), List.of(calls));
  }

  /** The official SDKs and frameworks, each through its own API. */
  public static List<SdkProgram> sdks() {
    return List.of(
        sdkApplication("openai-java", "openai-java", OpenAiJavaProgram.class, "openai-java",
            sdk("chat", "openai-chat.json", HTTPS),
            sdk("chat", "openai-chat-cached.json", HTTP),
            sdk("chat", "openai-chat-reasoning.json", HTTP),
            sdk("chat-async", "openai-chat.json", HTTP),
            sdk("chat-stream", "openai-chat-stream.sse", HTTPS),
            sdk("responses", "openai-responses.json", HTTP),
            sdk("responses-stream", "openai-responses-stream.sse", HTTPS),
            sdk("embeddings", "openai-embeddings.json", HTTP),
            sdk("chat", "openai-error-429.json", HTTP),
            sdk("chat-async", "openai-error-401.json", HTTP)),
        sdkApplication("anthropic-java", "anthropic-java", AnthropicJavaProgram.class, "anthropic-java",
            sdk("messages", "anthropic-messages.json", HTTPS),
            sdk("messages-async", "anthropic-messages.json", HTTP),
            sdk("messages-stream", "anthropic-messages-stream.sse", HTTPS),
            sdk("messages", "anthropic-error-529.json", HTTP),
            sdk("messages-async", "anthropic-error-401.json", HTTP)),
        sdkApplication("google-genai", "google-genai", GoogleGenAiProgram.class, "google-genai",
            sdk("generate", "gemini-generate.json", HTTPS),
            sdk("generate-stream", "gemini-stream.sse", HTTPS),
            sdk("generate", "gemini-error-429.json", HTTP),
            sdk("generate", "gemini-error-400.json", HTTP)),
        sdkApplication("AWS SDK Bedrock Runtime", "bedrockruntime", BedrockRuntimeProgram.class, "aws-bedrock",
            sdk("converse:apache5", "bedrock-converse.json", HTTPS),
            sdk("converse:apache", "bedrock-converse.json", HTTPS),
            sdk("converse:url-connection", "bedrock-converse.json", HTTPS),
            sdk("converse:apache5", "bedrock-error-429.json", HTTPS),
            sdk("converse:url-connection", "bedrock-error-429.json", HTTP)),
        sdkApplication("LangChain4j OpenAI and Anthropic", "langchain4j-core", LangChain4jProgram.class, "langchain4j",
            sdk("openai-chat", "openai-chat.json", HTTPS),
            sdk("openai-chat-stream", "openai-chat-stream.sse", HTTP),
            sdk("openai-chat", "openai-error-429.json", HTTP),
            sdk("anthropic-chat", "anthropic-messages.json", HTTPS),
            sdk("anthropic-chat-stream", "anthropic-messages-stream.sse", HTTP),
            sdk("anthropic-chat", "anthropic-error-529.json", HTTP)),
        sdkApplication("LangChain4j Ollama", "langchain4j-core", LangChain4jOllamaProgram.class, "langchain4j-ollama",
            sdk("ollama-chat", "ollama-chat.json", HTTP),
            sdk("ollama-chat-stream", "ollama-chat-stream.ndjson", HTTP),
            sdk("ollama-chat", "ollama-error-404.json", HTTP)));
  }

  /** Plain HTTP clients calling an OpenAI-compatible relay that aitap knows by its paths alone. */
  public static List<SdkProgram> relayClients() {
    String relay = SmokePlan.RELAY_HOST;
    return List.of(
        sdkApplication("Retrofit", "retrofit", RetrofitProgram.class, "retrofit",
            plain("chat", "openai-chat.json", relay, HTTPS),
            plain("chat-stream", "openai-chat-stream.sse", relay, HTTPS),
            plain("embeddings", "openai-embeddings.json", relay, HTTP),
            plain("chat", "openai-error-429.json", relay, HTTP)),
        new SdkProgram("Apache HttpClient", "httpclient5", ApacheHttpClient5Program.class,
            () -> ClientLibrary.newest("httpclient5").jars(), List.of(
            plain("classic:stream", "openai-chat.json", relay, HTTPS),
            plain("async:stream", "openai-chat-stream.sse", relay, HTTPS),
            plain("classic:handler", "openai-embeddings.json", relay, HTTP),
            plain("classic:handler", "openai-error-429.json", relay, HTTP))));
  }

  public SmokeRun run(TestJdk jdk) {
    return SmokeRun.execute(jdk, toString(), mainClass, libraries.get(), provider -> SmokePlan.of(provider, calls));
  }

  /** What an SDK shows the application, or for a plain client, the status and bytes it reads. */
  public List<DynamicTest> applicationChecks(SmokeRun run) {
    boolean plainClient = calls.stream().allMatch(call -> call.withBody);
    return plainClient ? CallChecks.of(run) : SdkChecks.of(run);
  }

  /** The name and the version whose jar the class path holds, e.g. {@code openai-java 4.101.0}. */
  @Override
  public String toString() {
    String prefix = artifact + "-";
    try (Stream<Path> jars = Files.list(libraries.get())) {
      List<String> versions = jars.map(jar -> jar.getFileName().toString())
          .filter(jar -> jar.startsWith(prefix) && jar.endsWith(".jar") && Character.isDigit(jar.charAt(prefix.length())))
          .map(jar -> jar.substring(prefix.length(), jar.length() - ".jar".length()))
          .collect(Collectors.toList());
      return name + " " + String.join(", ", versions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
