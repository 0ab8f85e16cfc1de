package io.aitap.agent.instrumentation.weaving;

/** Methods of the shapes hooks are woven into; {@link ClassWeaverTest} weaves and loads a copy. */
public class WeavingSample {

  int code = 404;
  int calls;

  public String greet(String name, long times, boolean loud) {
    return name + times + loud;
  }

  public void fail(String message) {
    throw new IllegalStateException(message);
  }

  public String recover() {
    try {
      return String.valueOf(Integer.parseInt("not a number"));
    } catch (NumberFormatException e) {
      return "recovered";
    }
  }

  public int countDown(int n) {
    while (n > 0) {
      n--;
      calls++;
    }
    return calls;
  }

  public Object stream() {
    return "stream";
  }

  public static String join(Object first, double between, Object second) {
    return "" + first + between + second;
  }
}
