package org.nvlab.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads the class files the compiler generates and checks the safety argument of
 * docs/expressions.md: the only classes named are the class itself, Object, the interface it
 * implements, its Expression field's type, Math and Builtins; the only methods called are static
 * methods of Math and Builtins (and Object's constructor); there is no allocation, no dynamic call,
 * no loop, and no constant but numbers.
 */
class GeneratedCodeTest {
  private static final String SELF = CodeGenerator.CLASS;
  private static final Set<String> CLASSES =
      Set.of(
          SELF,
          "java/lang/Object",
          "java/lang/Math",
          "org/nvlab/core/expr/Builtins",
          "org/nvlab/core/expr/CompiledExpression",
          "org/nvlab/core/expr/Expression",
          "[D"); // the values array, named by the stack map frames
  private static final Set<String> CALL_OWNERS =
      Set.of("java/lang/Math", "org/nvlab/core/expr/Builtins");

  /** Every function, every operator, a conditional, elements and whole vectors. */
  static List<String> samples() {
    List<String> s = new ArrayList<>();
    for (Function f : Function.values()) {
      String args =
          switch (f) {
            case DOT -> "c, k_j";
            case NORM, SUM -> "M_j";
            default -> String.join(", ", java.util.Collections.nCopies(f.minArgs(), "a_i"));
          };
      s.add(f.functionName() + "(" + args + ")");
    }
    s.add("min(a_i, a_j, w_ij, t)");
    for (Operator op : Operator.values()) {
      s.add(
          op == Operator.NEG || op == Operator.NOT
              ? op.symbol() + "a_i"
              : "a_i " + op.symbol() + " c[2]");
    }
    s.add("a_i > 0 && !(a_j <= t) || dir != 0 ? exp(beta * a_j - dist) + 0.5 * g_j : -z0");
    s.add("2 * pi + sqrt(2) - exp(1)"); // folds to one constant
    s.add("!(a_i < 1 || a_j == 2 && !w_ij) ? 1 : 0");
    return s;
  }

  static final ExpressionContext CTX =
      ExpressionContext.builder()
          .scalars("a_i", "a_j", "w_ij", "t", "dir", "z0", "beta", "dist", "g_j")
          .vector("c", 4)
          .vector("k_j", 4)
          .vector("M_j", 3)
          .build();

  @Test
  void generatedClassesNameOnlyWhitelistedClassesAndCallOnlyMathAndBuiltins() throws Exception {
    Set<String> calledEverywhere = new TreeSet<>();
    for (String source : samples()) {
      byte[] bytes = CodeGenerator.generate(Expression.parse(source, CTX));
      Inspection in = inspect(bytes, source);
      calledEverywhere.addAll(in.calls);
    }
    // Every call site the language needs, and nothing more.
    assertEquals(
        new TreeSet<>(
            List.of(
                "java/lang/Object.<init>()V",
                "java/lang/Math.exp(D)D",
                "java/lang/Math.log(D)D",
                "java/lang/Math.sqrt(D)D",
                "java/lang/Math.abs(D)D",
                "java/lang/Math.sin(D)D",
                "java/lang/Math.cos(D)D",
                "java/lang/Math.tanh(D)D",
                "java/lang/Math.floor(D)D",
                "java/lang/Math.ceil(D)D",
                "java/lang/Math.signum(D)D",
                "java/lang/Math.min(DD)D",
                "java/lang/Math.max(DD)D",
                "java/lang/Math.pow(DD)D",
                "org/nvlab/core/expr/Builtins.sigmoid(D)D",
                "org/nvlab/core/expr/Builtins.clamp(DDD)D",
                "org/nvlab/core/expr/Builtins.dot([DIII)D",
                "org/nvlab/core/expr/Builtins.norm([DII)D",
                "org/nvlab/core/expr/Builtins.sum([DII)D")),
        calledEverywhere);
  }

  @Test
  void randomExpressionsGenerateOnlyWhitelistedCode() throws Exception {
    Random rnd = new Random(3);
    for (int i = 0; i < 500; i++) {
      String source = Reference.print(Reference.tree(rnd, 5), true);
      inspect(CodeGenerator.generate(Expression.parse(source, Reference.CONTEXT)), source);
    }
  }

  @Test
  void constantSubtreesAreFoldedIntoOneNumber() throws Exception {
    Inspection in = inspect(CodeGenerator.generate(Expression.parse("2 * pi + exp(1)", CTX)), "");
    assertEquals(List.of(2 * Math.PI + Math.exp(1)), in.constants);
    assertEquals(Set.of("java/lang/Object.<init>()V"), in.calls);
    Inspection partly =
        inspect(CodeGenerator.generate(Expression.parse("a_i * (1 ? sqrt(4) : t)", CTX)), "");
    assertEquals(List.of(2.0), partly.constants);
  }

  @Test
  void theLargestExpressionsStayWithinTheJitsMethodSize() throws Exception {
    // HotSpot does not compile methods above 8,000 bytes of bytecode (-XX:-DontCompileHugeMethods
    // lifts that); the node limit keeps the worst cases below it.
    String[] worst = {
      "a_i" + " + a_i".repeat(499),
      "c[3] < c[2]" + " && c[3] < c[2]".repeat(249),
      "(a_i ? a_j : w_ij)" + " + (a_i ? a_j : w_ij)".repeat(189),
      "!a_i" + " || !a_i".repeat(332),
      "dot(c, k_j)" + " + dot(c, k_j)".repeat(249),
      "(a_i < a_j)" + " + (a_i < a_j)".repeat(249),
      "-(c[1] != a_i)" + " * -(c[1] != a_i)".repeat(199),
    };
    for (String w : worst) {
      Expression e = Expression.parse(w, CTX);
      Inspection in = inspect(CodeGenerator.generate(e), w);
      assertTrue(in.evaluateCodeBytes < 8_000, in.evaluateCodeBytes + " bytes for " + w);
      e.compile().evaluate(new double[CTX.size()]);
    }
  }

  /** What a class file contains, checked against the whitelist as it is read. */
  static final class Inspection {
    final Set<String> calls = new HashSet<>();
    final List<Object> constants = new ArrayList<>();
    int evaluateCodeBytes;
  }

  static Inspection inspect(byte[] bytes, String source) {
    ClassReader reader = new ClassReader(bytes);
    // 1. The constant pool: every class it names is on the list.
    char[] buf = new char[reader.getMaxStringLength()];
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset > 0 && bytes[offset - 1] == 7) { // CONSTANT_Class
        String name = reader.readUTF8(offset, buf);
        if (!CLASSES.contains(name)) {
          fail("class " + name + " named by the code of " + source);
        }
      }
      if (offset > 0
          && (bytes[offset - 1] == 15
              || bytes[offset - 1] == 16
              || bytes[offset - 1] == 17
              || bytes[offset - 1] == 18)) {
        fail("method handle, method type or dynamic constant in the code of " + source);
      }
    }
    assertEquals(SELF, reader.getClassName());
    assertEquals("java/lang/Object", reader.getSuperName());
    assertEquals(
        List.of("org/nvlab/core/expr/CompiledExpression"), List.of(reader.getInterfaces()));
    // 2. The members and every instruction.
    Inspection in = new Inspection();
    Set<String> methods = new TreeSet<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public FieldVisitor visitField(
              int access, String name, String desc, String signature, Object value) {
            assertEquals("expression", name);
            assertEquals("Lorg/nvlab/core/expr/Expression;", desc);
            assertTrue((access & Opcodes.ACC_FINAL) != 0 && (access & Opcodes.ACC_STATIC) == 0);
            return null;
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String desc, String signature, String[] exceptions) {
            methods.add(name + desc);
            return new MethodVisitor(Opcodes.ASM9) {
              final Set<Label> seen = new HashSet<>();

              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String mname, String mdesc, boolean itf) {
                String call = owner + "." + mname + mdesc;
                boolean constructor =
                    opcode == Opcodes.INVOKESPECIAL
                        && call.equals("java/lang/Object.<init>()V")
                        && name.equals("<init>");
                boolean allowed =
                    opcode == Opcodes.INVOKESTATIC && CALL_OWNERS.contains(owner) && !itf;
                if (!constructor && !allowed) {
                  fail("call " + call + " in the code of " + source);
                }
                in.calls.add(call);
              }

              @Override
              public void visitFieldInsn(int opcode, String owner, String fname, String fdesc) {
                assertEquals(SELF, owner, source);
                assertEquals("expression", fname, source);
                assertTrue(opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD, source);
              }

              @Override
              public void visitTypeInsn(int opcode, String type) {
                fail("type instruction " + opcode + " " + type + " in the code of " + source);
              }

              @Override
              public void visitMultiANewArrayInsn(String d, int dims) {
                fail("array allocation in the code of " + source);
              }

              @Override
              public void visitIntInsn(int opcode, int operand) {
                if (opcode == Opcodes.NEWARRAY) {
                  fail("array allocation in the code of " + source);
                }
              }

              @Override
              public void visitInsn(int opcode) {
                if (opcode == Opcodes.ATHROW || opcode == Opcodes.MONITORENTER) {
                  fail("instruction " + opcode + " in the code of " + source);
                }
              }

              @Override
              public void visitInvokeDynamicInsn(
                  String n, String d, Handle bsm, Object... bsmArgs) {
                fail("invokedynamic in the code of " + source);
              }

              @Override
              public void visitLdcInsn(Object value) {
                if (!(value instanceof Double || value instanceof Integer)) {
                  fail("constant " + value + " (" + value.getClass() + ") in " + source);
                }
                if (value instanceof Type
                    || value instanceof Handle
                    || value instanceof ConstantDynamic) {
                  fail("class or handle constant in " + source);
                }
                if (value instanceof Double) {
                  in.constants.add(value);
                }
              }

              @Override
              public void visitLabel(Label label) {
                seen.add(label);
              }

              @Override
              public void visitJumpInsn(int opcode, Label label) {
                if (seen.contains(label)) {
                  fail("a backward jump (a loop) in the code of " + source);
                }
              }

              @Override
              public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
                fail("switch in the code of " + source);
              }

              @Override
              public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
                fail("switch in the code of " + source);
              }
            };
          }
        },
        0);
    assertEquals(
        Set.of(
            "<init>(Lorg/nvlab/core/expr/Expression;)V",
            "expression()Lorg/nvlab/core/expr/Expression;",
            "evaluate([D)D"),
        methods,
        source);
    in.evaluateCodeBytes = codeLength(bytes, reader);
    return in;
  }

  /** The length of evaluate's Code attribute, found by walking the class file's method table. */
  private static int codeLength(byte[] b, ClassReader reader) {
    char[] buf = new char[reader.getMaxStringLength()];
    int p = reader.header + 6;
    p += 2 + 2 * reader.readUnsignedShort(p); // interfaces
    int fields = reader.readUnsignedShort(p);
    p += 2;
    for (int i = 0; i < fields; i++) {
      p = skipMember(reader, p);
    }
    int methods = reader.readUnsignedShort(p);
    p += 2;
    for (int i = 0; i < methods; i++) {
      String name = reader.readUTF8(p + 2, buf);
      int attributes = reader.readUnsignedShort(p + 6);
      int a = p + 8;
      for (int k = 0; k < attributes; k++) {
        String attr = reader.readUTF8(a, buf);
        if (name.equals("evaluate") && attr.equals("Code")) {
          return reader.readInt(a + 10);
        }
        a += 6 + reader.readInt(a + 2);
      }
      p = a;
    }
    throw new AssertionError("no evaluate method");
  }

  private static int skipMember(ClassReader reader, int p) {
    int attributes = reader.readUnsignedShort(p + 6);
    int a = p + 8;
    for (int k = 0; k < attributes; k++) {
      a += 6 + reader.readInt(a + 2);
    }
    return a;
  }
}
