package io.aitap.agent.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReusableParserTest {

  private static final String DOCUMENT = "{\"id\":\"x1\",\"choices\":[{\"message\":{\"content\":\"hi\",\"refusal\":null},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"details\":{\"cached\":[0,1.5,true]}}}";

  @Test
  void aBodyReadWholeLeavesItsParserToTheNextBodyOnItsThread() {
    ReusableParser spare = aSpare();

    List<String> first = scan(DOCUMENT);
    List<String> second = scan(DOCUMENT);

    assertSame(spare, ReusableParser.take());
    assertEquals(first, second);
  }

  @Test
  void theNextBodyReadsAsItWouldOnANewParser() {
    aSpare();
    scan(DOCUMENT);
    List<String> reused = scan("[{\"a\":{\"b\":[\"c\",2]}}, 3]");

    ReusableParser.take();
    List<String> fresh = scan("[{\"a\":{\"b\":[\"c\",2]}}, 3]");

    assertEquals(List.of("[].a.b.[]=c", "[].a.b.[]=2", "[]=3"), fresh);
    assertEquals(fresh, reused);
  }

  @Test
  void aBodyCutOffOrMalformedClosesItsParser() {
    for (String body : new String[] {"{\"model\":\"gpt", "{\"model\":}", "{\"a\":1} {", "42"}) {
      ReusableParser spare = aSpare();
      scan(body);
      assertNotSame(spare, ReusableParser.take(), body);
    }
  }

  @Test
  void aParserRetiresOnceItHasReadEnough() {
    StringBuilder numbers = new StringBuilder("[0");
    while (numbers.length() <= ReusableParser.RETIRE_AFTER_BYTES) {
      numbers.append(",0");
    }
    ReusableParser spare = aSpare();
    scan(numbers.append("]").toString());
    assertNotSame(spare, ReusableParser.take());
  }

  @Test
  void aThreadNeverTakesAnotherThreadsSpare() throws InterruptedException {
    ReusableParser spare = aSpare();
    AtomicReference<ReusableParser> taken = new AtomicReference<>();
    Thread other = new Thread(() -> taken.set(ReusableParser.take()));
    other.start();
    other.join();
    assertNotSame(spare, taken.get());
    assertSame(spare, ReusableParser.take());
  }

  /** Makes a new parser this thread's spare. */
  private static ReusableParser aSpare() {
    ReusableParser.take();
    ReusableParser spare = ReusableParser.take();
    spare.giveBack();
    return spare;
  }

  private static List<String> scan(String body) {
    List<String> values = new ArrayList<>();
    JsonScanner scanner = new JsonScanner((path, token, parser) -> values.add(path + "=" + parser.getText()));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i += 5) {
      scanner.feed(bytes, i, Math.min(5, bytes.length - i));
    }
    scanner.endOfBody();
    return values;
  }
}
