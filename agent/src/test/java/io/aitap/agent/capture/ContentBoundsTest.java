package io.aitap.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caps per message and per call, the marker where text was cut, and memory that stays bounded. */
class ContentBoundsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AiEndpoint CHAT = CaptureFixtures.endpoint("api.openai.com", 443, "/v1/chat/completions");

  private static JsonNode input(String body, String... settings) throws Exception {
    return JSON.readTree(CaptureFixtures.capture(CaptureFixtures.settings(settings), CHAT,
        List.of(body.getBytes(StandardCharsets.UTF_8)), null, null).input);
  }

  @Test
  void aMessageIsCutAtAWordBoundaryWithTheMarker() throws Exception {
    JsonNode input = input("{\"messages\":[{\"role\":\"user\",\"content\":\"alpha beta gamma delta epsilon\"}]}",
        "aitap.capture.max-chars-per-message", "20");
    assertEquals("alpha beta gamma …[truncated]", input.get(0).get("parts").get(0).get("content").asText());
  }

  @Test
  void theInputLeavesTheAnswerOneMessageOfTheCallsBudget() throws Exception {
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"aaaa bbbb cccc dddd\"},"
        + "{\"role\":\"assistant\",\"content\":\"eeee ffff gggg hhhh\"},{\"role\":\"user\",\"content\":\"iiii jjjj\"}]}";
    String answer = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"kkkk llll mmmm nnnn\"},"
        + "\"finish_reason\":\"stop\"}]}";
    CaptureFixtures.Captured captured = CaptureFixtures.capture(
        CaptureFixtures.settings("aitap.capture.max-chars-per-message", "20", "aitap.capture.max-chars-per-call", "45"),
        CHAT, List.of(body.getBytes(StandardCharsets.UTF_8)), head("application/json"),
        List.of(answer.getBytes(StandardCharsets.UTF_8)));
    assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"aaaa bbbb cccc dddd\"}]},"
        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"eeee …[truncated]\"}]},"
        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"…[truncated]\"}]}]", captured.input);
    assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"kkkk llll mmmm nnnn\"}],"
        + "\"finish_reason\":\"stop\"}]", captured.output);
  }

  @Test
  void aStringTheScannerCutIsMarkedAndAnImageKeepsOnlyItsSize() throws Exception {
    char[] words = new char[300_000];
    Arrays.fill(words, 'w');
    for (int i = 5; i < words.length; i += 6) {
      words[i] = ' ';
    }
    char[] image = new char[1_000_000];
    Arrays.fill(image, 'A');
    JsonNode input = input("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\""
        + new String(words) + "\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/jpeg;base64,"
        + new String(image) + "\"}}]}]}");
    String text = input.get(0).get("parts").get(0).get("content").asText();
    assertTrue(text.endsWith(" …[truncated]"), text.substring(text.length() - 40));
    assertEquals(4092, text.length() - "…[truncated]".length(), "cut back to the last word within the cap");
    assertEquals("{\"type\":\"blob\",\"modality\":\"image\",\"mime_type\":\"image/jpeg\",\"size\":1000000}",
        input.get(0).get("parts").get(1).toString());
  }

  @Test
  void memoryStaysBoundedWhateverThePromptAndAnswerSize() throws Exception {
    CaptureSettings settings = CaptureFixtures.settings();
    CallContent content = settings.newCallContent(CHAT);
    RequestFacts request = new RequestFacts();
    request.content = content;
    ResponseFacts response = new ResponseFacts(() -> {});
    response.content = content;
    RequestScanner scanner = CHAT.protocol().newRequestScanner(request);
    ResponseParser parser = CHAT.protocol().newResponseParser(head("text/event-stream"), request, response);
    long before = retainedHeap();

    // 64 MB of prompt in 2,000 messages, then 64 MB of answer in 1,000,000 deltas, as the application would stream them
    feed(scanner, "{\"model\":\"gpt-4o\",\"messages\":[");
    byte[] words = "lorem ipsum dolor sit amet ".repeat(1200).getBytes(StandardCharsets.US_ASCII);
    for (int m = 0; m < 2000; m++) {
      feed(scanner, (m == 0 ? "" : ",") + "{\"role\":\"user\",\"content\":\"");
      scanner.feed(words, 0, words.length);
      scanner.feed(words, 0, words.length);
      feed(scanner, "\"}");
    }
    feed(scanner, "]}");
    scanner.endOfBody();
    byte[] delta = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + "x".repeat(40)
        + " \"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.US_ASCII);
    for (int d = 0; d < 1_000_000; d++) {
      parser.feed(delta, 0, delta.length);
    }
    parser.endOfBody();
    long growth = retainedHeap() - before;

    String input = ContentJson.inputMessages(content);
    String output = ContentJson.outputMessages(content, response.finishReasons());
    assertTrue(growth < 2_000_000, "retained heap grew by " + growth + " bytes for 128 MB of bodies");
    assertTrue(input.length() < 256 * 80 + settings.maxCharsPerCall, "input JSON " + input.length());
    assertEquals(1, JSON.readTree(output).size());
    String answer = JSON.readTree(output).get(0).get("parts").get(0).get("content").asText();
    assertTrue(answer.endsWith("…[truncated]") && answer.length() <= settings.maxCharsPerMessage + 12, answer);
    // keep everything reachable until measured
    assertTrue(scanner != null && parser != null && content != null);
  }

  private static void feed(RequestScanner scanner, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    scanner.feed(bytes, 0, bytes.length);
  }

  private static long retainedHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  private static ResponseHead head(String contentType) {
    return new ResponseHead(200, name -> name.equalsIgnoreCase("content-type") ? contentType : null);
  }
}
