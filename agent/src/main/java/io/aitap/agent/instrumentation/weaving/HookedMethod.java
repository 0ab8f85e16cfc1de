package io.aitap.agent.instrumentation.weaving;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * One method with its hooks woven in, as Java would write it:
 *
 * <pre>{@code
 * Object entered = null, result = null;
 * try { entered = bridge(enter...); replace arguments } catch (Throwable t) {}
 * try {
 *   ... the method's own code, each return storing its value in result and going to the exit ...
 * } catch (Throwable thrown) {            // only for an exit on a throw too
 *   try { bridge(exit..., thrown) } catch (Throwable t) {}
 *   throw thrown;
 * }
 * try { result = bridge(exit..., result) } catch (Throwable t) {}
 * return result;
 * }</pre>
 *
 * <p>The two locals sit above every slot the method uses, and are added to each of its stack map
 * frames; the catch-all of the method's code comes after its own handlers, so that they keep
 * catching what they caught. Without an exit hook the method's returns are left as they are.
 */
final class HookedMethod extends MethodVisitor {

  private static final String BRIDGE = "io/aitap/bootstrap/AitapBridge";
  private static final String CALL =
      "(Ljava/lang/String;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
  private static final String THROWABLE = "java/lang/Throwable";
  private static final String OBJECT = "java/lang/Object";

  private final String owner;
  private final boolean isStatic;
  private final Type[] arguments;
  private final Type returned;
  private final MethodHooks hooks;
  private final boolean frames;
  /** Slots of the two locals: the enter hook's answer, and the value returned or thrown. */
  private final int entered;
  private final int result;
  private final Label bodyStart = new Label();
  private final Label bodyEnd = new Label();
  private final Label bodyThrew = new Label();
  private final Label exit = new Label();
  private boolean bodyStarted;

  HookedMethod(
      MethodVisitor next, String owner, int access, String descriptor, MethodHooks hooks, int maxLocals, boolean frames) {
    super(ClassWeaver.API, next);
    this.owner = owner;
    this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
    this.arguments = Type.getArgumentTypes(descriptor);
    this.returned = Type.getReturnType(descriptor);
    this.hooks = hooks;
    this.frames = frames;
    this.entered = maxLocals;
    this.result = maxLocals + 1;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    super.visitInsn(Opcodes.ACONST_NULL);
    super.visitVarInsn(Opcodes.ASTORE, entered);
    super.visitInsn(Opcodes.ACONST_NULL);
    super.visitVarInsn(Opcodes.ASTORE, result);
    if (hooks.enter != null) {
      enter();
    }
  }

  private void enter() {
    Label start = new Label();
    Label end = new Label();
    Label threw = new Label();
    Label body = new Label();
    super.visitTryCatchBlock(start, end, threw, THROWABLE);
    super.visitLabel(start);
    call(hooks.enter, false, false);
    super.visitVarInsn(Opcodes.ASTORE, entered);
    int[] replaced = hooks.replacedArguments;
    if (replaced.length > 0) {
      super.visitVarInsn(Opcodes.ALOAD, entered);
      if (replaced.length == 1) {
        super.visitJumpInsn(Opcodes.IFNULL, end);
        super.visitVarInsn(Opcodes.ALOAD, entered);
        storeArgument(replaced[0]);
      } else {
        super.visitTypeInsn(Opcodes.INSTANCEOF, "[Ljava/lang/Object;");
        super.visitJumpInsn(Opcodes.IFEQ, end);
        for (int i = 0; i < replaced.length; i++) {
          super.visitVarInsn(Opcodes.ALOAD, entered);
          super.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
          super.visitLdcInsn(i);
          super.visitInsn(Opcodes.AALOAD);
          storeArgument(replaced[i]);
        }
      }
    }
    super.visitLabel(end);
    frame();
    super.visitJumpInsn(Opcodes.GOTO, body);
    super.visitLabel(threw);
    frame(THROWABLE);
    super.visitInsn(Opcodes.POP);
    super.visitLabel(body);
    frame();
    // the method's first instruction may carry a frame of its own, which needs an offset of its own
    super.visitInsn(Opcodes.NOP);
  }

  private void storeArgument(int argument) {
    super.visitTypeInsn(Opcodes.CHECKCAST, arguments[argument].getInternalName());
    super.visitVarInsn(Opcodes.ASTORE, slotOf(argument));
  }

  /** Leaves the bridge's answer on the stack. */
  private void call(HookCall call, boolean onExit, boolean onThrow) {
    super.visitLdcInsn(call.hook);
    load(call.target, onExit, onThrow);
    load(call.argument, onExit, onThrow);
    load(call.value, onExit, onThrow);
    load(call.thrown, onExit, onThrow);
    if (call.thrown.kind != Value.Kind.NULL) {
      super.visitTypeInsn(Opcodes.CHECKCAST, THROWABLE);
    }
    super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "call", CALL, false);
  }

  private void load(Value value, boolean onExit, boolean onThrow) {
    switch (value.kind) {
      case THIS:
        super.visitVarInsn(Opcodes.ALOAD, 0);
        break;
      case ARGUMENT:
        Type type = arguments[value.index];
        super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slotOf(value.index));
        box(type);
        break;
      case ENTERED:
        super.visitVarInsn(Opcodes.ALOAD, entered);
        break;
      case RETURNED:
        loadResultIf(onExit && !onThrow);
        break;
      case THROWN:
        loadResultIf(onThrow);
        break;
      case STATUS_FIELD:
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitFieldInsn(Opcodes.GETFIELD, owner, value.field, "I");
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "status", "(I)Ljava/lang/Object;", false);
        break;
      default:
        super.visitInsn(Opcodes.ACONST_NULL);
    }
  }

  private void loadResultIf(boolean holdsIt) {
    if (holdsIt) {
      super.visitVarInsn(Opcodes.ALOAD, result);
    } else {
      super.visitInsn(Opcodes.ACONST_NULL);
    }
  }

  private void box(Type type) {
    String box = boxOf(type);
    if (box != null) {
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, box, "valueOf", "(" + type.getDescriptor() + ")L" + box + ";", false);
    }
  }

  private static String boxOf(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
        return "java/lang/Boolean";
      case Type.BYTE:
        return "java/lang/Byte";
      case Type.CHAR:
        return "java/lang/Character";
      case Type.SHORT:
        return "java/lang/Short";
      case Type.INT:
        return "java/lang/Integer";
      case Type.FLOAT:
        return "java/lang/Float";
      case Type.LONG:
        return "java/lang/Long";
      case Type.DOUBLE:
        return "java/lang/Double";
      default:
        return null;
    }
  }

  private int slotOf(int argument) {
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < argument; i++) {
      slot += arguments[i].getSize();
    }
    return slot;
  }

  // --- the method's own code: the first thing it visits after its handlers starts the body

  private void startBody() {
    if (!bodyStarted) {
      bodyStarted = true;
      if (hooks.exit != null && hooks.exitOnThrow) {
        super.visitTryCatchBlock(bodyStart, bodyEnd, bodyThrew, THROWABLE);
      }
      super.visitLabel(bodyStart);
    }
  }

  @Override
  public void visitFrame(int type, int localCount, Object[] locals, int stackCount, Object[] stack) {
    startBody();
    int slots = 0;
    for (int i = 0; i < localCount; i++) {
      slots += locals[i] == Opcodes.LONG || locals[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    Object[] widened = new Object[localCount + (entered - slots) + 2];
    System.arraycopy(locals, 0, widened, 0, localCount);
    int i = localCount;
    while (i < widened.length - 2) {
      widened[i++] = Opcodes.TOP;
    }
    widened[i++] = OBJECT;
    widened[i] = OBJECT;
    super.visitFrame(type, widened.length, widened, stackCount, stack);
  }

  @Override
  public void visitInsn(int opcode) {
    startBody();
    if (hooks.exit != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      if (opcode == Opcodes.ARETURN) {
        super.visitVarInsn(Opcodes.ASTORE, result);
      }
      super.visitJumpInsn(Opcodes.GOTO, exit);
      return;
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitLabel(Label label) {
    startBody();
    super.visitLabel(label);
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    startBody();
    super.visitLineNumber(line, start);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    startBody();
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    startBody();
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    startBody();
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
    startBody();
    super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
    startBody();
    super.visitMethodInsn(opcode, methodOwner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
    startBody();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    startBody();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    startBody();
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int varIndex, int increment) {
    startBody();
    super.visitIincInsn(varIndex, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label defaultLabel, Label... labels) {
    startBody();
    super.visitTableSwitchInsn(min, max, defaultLabel, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label defaultLabel, int[] keys, Label[] labels) {
    startBody();
    super.visitLookupSwitchInsn(defaultLabel, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
    startBody();
    super.visitMultiANewArrayInsn(descriptor, dimensions);
  }

  // --- after the method's own code: the exit

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    if (hooks.exit != null) {
      super.visitLabel(bodyEnd);
      super.visitLabel(exit);
      frame();
      guardedExit(false);
      if (this.returned.getSort() == Type.VOID) {
        super.visitInsn(Opcodes.RETURN);
      } else {
        super.visitVarInsn(Opcodes.ALOAD, result);
        super.visitTypeInsn(Opcodes.CHECKCAST, this.returned.getInternalName());
        super.visitInsn(Opcodes.ARETURN);
      }
      if (hooks.exitOnThrow) {
        super.visitLabel(bodyThrew);
        frame(THROWABLE);
        super.visitVarInsn(Opcodes.ASTORE, result);
        guardedExit(true);
        super.visitVarInsn(Opcodes.ALOAD, result);
        super.visitTypeInsn(Opcodes.CHECKCAST, THROWABLE);
        super.visitInsn(Opcodes.ATHROW);
      }
    }
    super.visitMaxs(maxStack, maxLocals);
  }

  /** The exit hook's call, in a try-catch of its own. */
  private void guardedExit(boolean onThrow) {
    Label start = new Label();
    Label end = new Label();
    Label threw = new Label();
    Label after = new Label();
    super.visitTryCatchBlock(start, end, threw, THROWABLE);
    super.visitLabel(start);
    if (hooks.exitOnlyWhenEntered) {
      super.visitVarInsn(Opcodes.ALOAD, entered);
      super.visitJumpInsn(Opcodes.IFNULL, end);
    }
    call(hooks.exit, true, onThrow);
    if (hooks.exitReplacesReturn && !onThrow) {
      super.visitTypeInsn(Opcodes.CHECKCAST, returned.getInternalName());
      super.visitVarInsn(Opcodes.ASTORE, result);
    } else {
      super.visitInsn(Opcodes.POP);
    }
    super.visitLabel(end);
    frame();
    super.visitJumpInsn(Opcodes.GOTO, after);
    super.visitLabel(threw);
    frame(THROWABLE);
    super.visitInsn(Opcodes.POP);
    super.visitLabel(after);
    frame();
  }

  /** A full frame: the arguments as declared, nothing in between, then the two locals. */
  private void frame(Object... stack) {
    if (!frames) {
      return;
    }
    int first = isStatic ? 0 : 1;
    Object[] locals = new Object[first + arguments.length + (entered - slotOf(arguments.length)) + 2];
    if (!isStatic) {
      locals[0] = owner;
    }
    int i = first;
    for (Type argument : arguments) {
      locals[i++] = frameType(argument);
    }
    while (i < locals.length - 2) {
      locals[i++] = Opcodes.TOP;
    }
    locals[i++] = OBJECT;
    locals[i] = OBJECT;
    super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
  }

  private static Object frameType(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.BYTE:
      case Type.CHAR:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      default:
        return type.getInternalName();
    }
  }
}
