package io.aitap.agent.instrumentation.weaving;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves hook calls into the methods of one class file that hook points name, and leaves every
 * other method byte for byte as it was.
 *
 * <p>Only code is added to existing methods (no field, method or interface), so a class can be woven
 * the same way when it is loaded and when an already loaded one is retransformed. Two passes: the
 * first finds the methods and how many local variable slots each uses, so that the hooks' own
 * locals go above them; the second weaves.
 */
public final class ClassWeaver {

  static final int API = Opcodes.ASM9;

  private ClassWeaver() {}

  /** The class's file with the hooks woven in, or null when no method of it matches. */
  public static byte[] weave(TypeView type, List<HookPoint> points) {
    ClassReader reader = type.classFile();
    Map<String, Target> targets = find(reader, points);
    if (targets.isEmpty()) {
      return null;
    }
    // before Java 7 a class may lack stack map frames: such a class gets none, and is verified by inference
    boolean frames = reader.readUnsignedShort(6) >= Opcodes.V1_7;
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    String owner = reader.getClassName();
    reader.accept(
        new ClassVisitor(API, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            Target target = targets.get(name + descriptor);
            return target == null
                ? next
                : new HookedMethod(next, owner, access, descriptor, target.hooks, target.maxLocals, frames);
          }
        },
        frames ? ClassReader.EXPAND_FRAMES : ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  /** The methods some hook point names and whose shape its hooks fit, by name and descriptor. */
  private static Map<String, Target> find(ClassReader reader, List<HookPoint> points) {
    String owner = reader.getClassName().replace('/', '.');
    Map<String, Target> targets = new HashMap<>();
    reader.accept(
        new ClassVisitor(API) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodHooks hooks = hooksFor(points, owner, access, name, descriptor);
            if (hooks == null) {
              return null;
            }
            Target target = new Target(hooks);
            targets.put(name + descriptor, target);
            return new MethodVisitor(API) {
              @Override
              public void visitMaxs(int maxStack, int maxLocals) {
                target.maxLocals = maxLocals;
              }
            };
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return targets;
  }

  /** The first hook point's hooks that name the method and fit it. */
  private static MethodHooks hooksFor(List<HookPoint> points, String owner, int access, String name, String descriptor) {
    for (HookPoint point : points) {
      if (point.methods.matches(owner, access, name, descriptor)
          && point.hooks.fit(
              (access & Opcodes.ACC_STATIC) != 0, Type.getArgumentTypes(descriptor), Type.getReturnType(descriptor))) {
        return point.hooks;
      }
    }
    return null;
  }

  private static final class Target {
    final MethodHooks hooks;
    int maxLocals;

    Target(MethodHooks hooks) {
      this.hooks = hooks;
    }
  }
}
