package io.aitap.agent.instrumentation.weaving;

import static io.aitap.agent.instrumentation.weaving.HookCall.call;
import static io.aitap.agent.instrumentation.weaving.Value.ENTERED;
import static io.aitap.agent.instrumentation.weaving.Value.NULL;
import static io.aitap.agent.instrumentation.weaving.Value.RETURNED;
import static io.aitap.agent.instrumentation.weaving.Value.THIS;
import static io.aitap.agent.instrumentation.weaving.Value.THROWN;
import static io.aitap.agent.instrumentation.weaving.Value.argument;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Weaves hooks into {@link WeavingSample} and runs the woven copy, defined (and so verified) by a
 * loader of its own that holds its own bridge: what the hooks see, what the methods do.
 */
class ClassWeaverTest {

  private static final String SAMPLE = WeavingSample.class.getName();

  /** Every hook call, as {@code [hook, target, argument, value, thrown]}. */
  private final List<Object[]> calls = new ArrayList<>();
  /** What each hook answers, given the value it was handed; a hook not here hands it back. */
  private final Map<String, UnaryOperator<Object>> answers = new HashMap<>();

  @Test
  void theEnterHooksAnswerReplacesAnArgumentAndTheExitHooksAnswerIsReturned() throws Exception {
    answers.put("enter", value -> "aitap");
    answers.put("exit", value -> value + "!");
    Object sample = woven(new HookPoint(
        Methods.named("greet"),
        MethodHooks.onEnter(call("enter", THIS, argument(0), argument(2), NULL))
            .answerReplaces(0)
            .thenOnReturnOrThrow(call("exit", ENTERED, argument(1), RETURNED, THROWN))
            .answerIsReturned()));

    assertEquals("aitap3true!", invoke(sample, "greet", "name", 3L, true));
    assertEquals(2, calls.size());
    assertSame(sample, calls.get(0)[1]);
    assertArrayEquals(new Object[] {"enter", sample, "name", true, null}, calls.get(0));
    assertArrayEquals(new Object[] {"exit", "aitap", 3L, "aitap3true", null}, calls.get(1));
  }

  @Test
  void anAnswerOfTheWrongTypeChangesNothing() throws Exception {
    answers.put("enter", value -> 42);
    answers.put("exit", value -> 43);
    Object sample = woven(new HookPoint(
        Methods.named("greet"),
        MethodHooks.onEnter(call("enter", THIS, argument(0)))
            .answerReplaces(0)
            .thenOnReturn(call("exit", THIS, NULL, RETURNED, NULL))
            .answerIsReturned()));

    assertEquals("name3true", invoke(sample, "greet", "name", 3L, true));
    assertEquals(2, calls.size());
  }

  @Test
  void theExitHookSeesWhatTheMethodThrowsAndTheApplicationGetsTheSameThrowable() throws Exception {
    Object sample = woven(new HookPoint(
        Methods.named("fail"), MethodHooks.onReturnOrThrow(call("exit", THIS, NULL, RETURNED, THROWN))));

    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> invoke(sample, "fail", "boom"));
    assertTrue(e.getCause() instanceof IllegalStateException);
    assertEquals("boom", e.getCause().getMessage());
    assertEquals(1, calls.size());
    assertSame(e.getCause(), calls.get(0)[4]);
    assertNull(calls.get(0)[3]);
  }

  @Test
  void anExitOnReturnOnlyIsNotCalledOnAThrow() throws Exception {
    Object sample = woven(new HookPoint(Methods.named("fail"), MethodHooks.onReturn(call("exit", THIS))));

    assertThrows(InvocationTargetException.class, () -> invoke(sample, "fail", "boom"));
    assertTrue(calls.isEmpty());
  }

  @Test
  void theMethodsOwnHandlersStillCatchWhatTheyCaught() throws Exception {
    Object sample = woven(new HookPoint(
        Methods.named("recover"), MethodHooks.onReturnOrThrow(call("exit", THIS, NULL, RETURNED, THROWN))));

    assertEquals("recovered", invoke(sample, "recover"));
    assertArrayEquals(new Object[] {"exit", sample, null, "recovered", null}, calls.get(0));
  }

  @Test
  void anExitThatNeedsTheEnterHooksAnswerIsSkippedWithoutOne() throws Exception {
    answers.put("enter", value -> null);
    Object sample = woven(new HookPoint(
        Methods.named("stream"),
        MethodHooks.onEnter(call("enter", THIS))
            .thenOnReturnOrThrow(call("exit", ENTERED, NULL, RETURNED, THROWN))
            .onlyWhenEntered()
            .answerIsReturned()));

    assertEquals("stream", invoke(sample, "stream"));
    assertEquals(1, calls.size());
    assertEquals("enter", calls.get(0)[0]);
  }

  @Test
  void aLoopAtTheFirstInstructionAndABoxedIntArgument() throws Exception {
    Object sample = woven(new HookPoint(Methods.named("countDown"), MethodHooks.onEnter(call("enter", THIS, argument(0)))));

    assertEquals(3, invoke(sample, "countDown", 3));
    assertArrayEquals(new Object[] {"enter", sample, 3, null, null}, calls.get(0));
  }

  @Test
  void anIntFieldIsHandedOverBoxed() throws Exception {
    Object sample = woven(new HookPoint(
        Methods.named("stream"), MethodHooks.onReturn(call("exit", THIS, Value.status("code"), RETURNED, NULL))));

    assertEquals("stream", invoke(sample, "stream"));
    assertArrayEquals(new Object[] {"exit", sample, 404, "stream", null}, calls.get(0));
  }

  @Test
  void severalArgumentsOfAStaticMethodAreReplacedFromAnArrayAnswer() throws Exception {
    answers.put("enter", value -> new Object[] {"x", "y"});
    Object sample = woven(new HookPoint(
        Methods.named("join"),
        MethodHooks.onEnter(call("enter", argument(0), argument(1), argument(2), NULL)).answerReplaces(0, 2)));

    assertEquals("x1.5y", invoke(sample, "join", "a", 1.5, "b"));
    assertArrayEquals(new Object[] {"enter", "a", 1.5, "b", null}, calls.get(0));
  }

  @Test
  void hooksThatDoNotFitTheMethodLeaveTheClassAlone() throws Exception {
    TypeView original = sample();
    assertNull(ClassWeaver.weave(original, List.of(new HookPoint(
        Methods.named("countDown"), MethodHooks.onReturn(call("exit", THIS, NULL, RETURNED, NULL))))),
        "an exit on a method returning a primitive");
    assertNull(ClassWeaver.weave(original, List.of(new HookPoint(
        Methods.named("join"), MethodHooks.onEnter(call("enter", THIS))))),
        "this, in a static method");
    assertNull(ClassWeaver.weave(original, List.of(new HookPoint(
        Methods.named("greet"), MethodHooks.onEnter(call("enter", argument(1))).answerReplaces(1)))),
        "a primitive argument replaced");
    assertNull(ClassWeaver.weave(original, List.of(new HookPoint(
        Methods.named("greet").arguments(2), MethodHooks.onEnter(call("enter", THIS))))),
        "another number of arguments");
  }

  private Object woven(HookPoint point) throws Exception {
    byte[] woven = ClassWeaver.weave(sample(), List.of(point));
    assertTrue(woven != null, "woven");
    OwnBridgeLoader loader = new OwnBridgeLoader(woven);
    Class<?> bridge = loader.loadClass("io.aitap.bootstrap.AitapBridge");
    Class<?> hook = loader.loadClass("io.aitap.bootstrap.Hook");
    Map<String, Object> hooks = new HashMap<>();
    for (String name : List.of("enter", "exit")) {
      hooks.put(name, Proxy.newProxyInstance(loader, new Class<?>[] {hook}, (proxy, method, args) -> {
        if (!method.getName().equals("on")) {
          return method.invoke(this, args);
        }
        calls.add(new Object[] {name, args[0], args[1], args[2], args[3]});
        return answers.getOrDefault(name, UnaryOperator.identity()).apply(args[2]);
      }));
    }
    bridge.getMethod("install", Map.class).invoke(null, hooks);
    return loader.loadClass(SAMPLE).getConstructor().newInstance();
  }

  private static Object invoke(Object sample, String name, Object... arguments) throws Exception {
    for (Method method : sample.getClass().getMethods()) {
      if (method.getName().equals(name)) {
        return method.invoke(sample, arguments);
      }
    }
    throw new NoSuchMethodException(name + Arrays.toString(arguments));
  }

  private static TypeView sample() throws IOException {
    return TypeView.of(SAMPLE.replace('.', '/'), read(SAMPLE), ClassWeaverTest.class.getClassLoader());
  }

  private static byte[] read(String className) throws IOException {
    try (InputStream in = ClassWeaverTest.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  /** Defines the woven sample, and a bridge of its own, so that the test JVM's bridge is left be. */
  private static final class OwnBridgeLoader extends ClassLoader {
    private final byte[] sample;

    OwnBridgeLoader(byte[] sample) {
      super(ClassWeaverTest.class.getClassLoader());
      this.sample = sample;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(SAMPLE) && !name.startsWith("io.aitap.bootstrap.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          byte[] bytes;
          try {
            bytes = name.equals(SAMPLE) ? sample : read(name);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
          loaded = defineClass(name, bytes, 0, bytes.length);
        }
        return loaded;
      }
    }
  }
}
