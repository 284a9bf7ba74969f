package org.nvlab.core.expr;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles a checked tree to a hidden class of this package that implements {@link
 * CompiledExpression}. Its {@code evaluate} loads variables from the values array, does double
 * arithmetic, comparisons and jumps, and calls only static methods of {@link Math} and {@link
 * Builtins}: no other class, no allocation, no loop, no field but the final reference to its {@link
 * Expression}. Constant subtrees are folded with the {@link Interpreter} first.
 */
final class CodeGenerator {
  /** The generated class's name before the JVM makes it hidden (and unique). */
  static final String CLASS = "org/nvlab/core/expr/Compiled";

  static final String MATH = "java/lang/Math";
  static final String BUILTINS = "org/nvlab/core/expr/Builtins";
  private static final String EXPRESSION = "org/nvlab/core/expr/Expression";
  private static final String EXPRESSION_DESC = "L" + EXPRESSION + ";";
  private static final String D_D = "(D)D";
  private static final String DD_D = "(DD)D";

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private final ExpressionContext ctx;
  private final MethodVisitor mv;

  private CodeGenerator(ExpressionContext ctx, MethodVisitor mv) {
    this.ctx = ctx;
    this.mv = mv;
  }

  /** Defines the hidden class (unloaded when no longer referenced) and makes its instance. */
  static CompiledExpression define(Expression e) {
    byte[] bytes = generate(e);
    try {
      MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
      MethodHandle constructor =
          hidden.findConstructor(
              hidden.lookupClass(), MethodType.methodType(void.class, Expression.class));
      return (CompiledExpression) constructor.invoke(e);
    } catch (Throwable t) {
      // The tree was checked, so this is a bug of the generator, never the user's doing.
      throw new IllegalStateException(
          "internal error: could not compile the checked expression " + e.source(), t);
    }
  }

  /** The class file of {@code e}'s compiled form (also read by the tests). */
  static byte[] generate(Expression e) {
    ClassWriter cw =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected String getCommonSuperClass(String a, String b) {
            return "java/lang/Object"; // only doubles merge at jumps; never load classes here
          }
        };
    cw.visit(
        V17,
        ACC_FINAL | ACC_SUPER,
        CLASS,
        null,
        "java/lang/Object",
        new String[] {"org/nvlab/core/expr/CompiledExpression"});
    cw.visitField(ACC_PRIVATE | ACC_FINAL, "expression", EXPRESSION_DESC, null, null).visitEnd();

    MethodVisitor init = cw.visitMethod(0, "<init>", "(" + EXPRESSION_DESC + ")V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ALOAD, 1);
    init.visitFieldInsn(PUTFIELD, CLASS, "expression", EXPRESSION_DESC);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor get =
        cw.visitMethod(ACC_PUBLIC, "expression", "()" + EXPRESSION_DESC, null, null);
    get.visitCode();
    get.visitVarInsn(ALOAD, 0);
    get.visitFieldInsn(GETFIELD, CLASS, "expression", EXPRESSION_DESC);
    get.visitInsn(ARETURN);
    get.visitMaxs(0, 0);
    get.visitEnd();

    MethodVisitor eval = cw.visitMethod(ACC_PUBLIC, "evaluate", "([D)D", null, null);
    eval.visitCode();
    new CodeGenerator(e.context(), eval).emit(fold(e.root(), e.context()));
    eval.visitInsn(DRETURN);
    eval.visitMaxs(0, 0);
    eval.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  // ---- constant folding

  /** The tree with every subtree that reads no variable replaced by its value. */
  static Node fold(Node n, ExpressionContext ctx) {
    if (n instanceof Node.Literal || n instanceof Node.Variable || n instanceof Node.Element) {
      return n;
    }
    if (n instanceof Node.Unary u) {
      return constant(new Node.Unary(u.operator(), fold(u.operand(), ctx), u.column()), ctx);
    }
    if (n instanceof Node.Binary b) {
      Node l = fold(b.left(), ctx);
      Node r = fold(b.right(), ctx);
      return constant(new Node.Binary(b.operator(), l, r, b.column()), ctx);
    }
    if (n instanceof Node.Conditional c) {
      return conditional(c.condition(), c.then(), c.otherwise(), n, ctx);
    }
    Node.Call call = (Node.Call) n;
    if (call.function() == Function.IF) {
      List<Node> a = call.arguments();
      return conditional(a.get(0), a.get(1), a.get(2), n, ctx);
    }
    if (call.function().takesVectors()) {
      return n;
    }
    List<Node> args = new ArrayList<>();
    for (Node a : call.arguments()) {
      args.add(fold(a, ctx));
    }
    return constant(new Node.Call(call.function(), args, call.column()), ctx);
  }

  private static Node conditional(Node c, Node a, Node b, Node original, ExpressionContext ctx) {
    Node fc = fold(c, ctx);
    if (fc instanceof Node.Literal l) {
      return Interpreter.truthy(l.value()) ? fold(a, ctx) : fold(b, ctx);
    }
    return new Node.Conditional(fc, fold(a, ctx), fold(b, ctx), original.column());
  }

  /** {@code n} (whose children are folded) as a literal if all its children are literals. */
  private static Node constant(Node n, ExpressionContext ctx) {
    List<Node> children;
    if (n instanceof Node.Unary u) {
      children = List.of(u.operand());
    } else if (n instanceof Node.Binary b) {
      children = List.of(b.left(), b.right());
    } else {
      children = ((Node.Call) n).arguments();
    }
    for (Node c : children) {
      if (!(c instanceof Node.Literal)) {
        return n;
      }
    }
    double v = Interpreter.evaluate(n, ctx, new double[0]);
    return new Node.Literal(v, Double.toString(v), n.column());
  }

  // ---- code

  private void emit(Node n) {
    if (n instanceof Node.Literal l) {
      pushDouble(l.value());
    } else if (n instanceof Node.Variable v) {
      load(ctx.slot(v.name()));
    } else if (n instanceof Node.Element e) {
      load(ctx.slot(e.vector()) + e.index());
    } else if (n instanceof Node.Unary u && u.operator() == Operator.NEG) {
      emit(u.operand());
      mv.visitInsn(DNEG);
    } else if (n instanceof Node.Binary b && !b.operator().isLogical()) {
      emit(b.left());
      emit(b.right());
      switch (b.operator()) {
        case ADD -> mv.visitInsn(DADD);
        case SUB -> mv.visitInsn(DSUB);
        case MUL -> mv.visitInsn(DMUL);
        case DIV -> mv.visitInsn(DDIV);
        case POW -> math("pow", DD_D);
        default -> throw new IllegalStateException(b.operator().toString());
      }
    } else if (n instanceof Node.Conditional c) {
      choose(c.condition(), c.then(), c.otherwise());
    } else if (n instanceof Node.Call c) {
      call(c);
    } else {
      // not, and, or, comparisons: 1.0 or 0.0
      Label no = new Label();
      Label end = new Label();
      jumpIfFalse(n, no);
      mv.visitInsn(DCONST_1);
      mv.visitJumpInsn(GOTO, end);
      mv.visitLabel(no);
      mv.visitInsn(DCONST_0);
      mv.visitLabel(end);
    }
  }

  private void choose(Node condition, Node then, Node otherwise) {
    Label no = new Label();
    Label end = new Label();
    jumpIfFalse(condition, no);
    emit(then);
    mv.visitJumpInsn(GOTO, end);
    mv.visitLabel(no);
    emit(otherwise);
    mv.visitLabel(end);
  }

  private void call(Node.Call c) {
    List<Node> a = c.arguments();
    switch (c.function()) {
      case IF -> choose(a.get(0), a.get(1), a.get(2));
      case DOT -> {
        mv.visitVarInsn(ALOAD, 1);
        pushInt(slot(a.get(0)));
        pushInt(slot(a.get(1)));
        pushInt(ctx.length(((Node.Variable) a.get(0)).name()));
        builtin("dot", "([DIII)D");
      }
      case NORM, SUM -> {
        mv.visitVarInsn(ALOAD, 1);
        pushInt(slot(a.get(0)));
        pushInt(ctx.length(((Node.Variable) a.get(0)).name()));
        builtin(c.function() == Function.NORM ? "norm" : "sum", "([DII)D");
      }
      case MIN, MAX -> {
        emit(a.get(0));
        for (int i = 1; i < a.size(); i++) {
          emit(a.get(i));
          math(c.function() == Function.MIN ? "min" : "max", DD_D);
        }
      }
      default -> {
        for (Node x : a) {
          emit(x);
        }
        switch (c.function()) {
          case EXP -> math("exp", D_D);
          case LOG -> math("log", D_D);
          case SQRT -> math("sqrt", D_D);
          case ABS -> math("abs", D_D);
          case SIN -> math("sin", D_D);
          case COS -> math("cos", D_D);
          case TANH -> math("tanh", D_D);
          case FLOOR -> math("floor", D_D);
          case CEIL -> math("ceil", D_D);
          case SIGN -> math("signum", D_D);
          case POW -> math("pow", DD_D);
          case SIGMOID -> builtin("sigmoid", D_D);
          case CLAMP -> builtin("clamp", "(DDD)D");
          default -> throw new IllegalStateException(c.function().toString());
        }
      }
    }
  }

  /** Jumps to {@code target} when {@code n} is false (0); falls through when true (NaN too). */
  private void jumpIfFalse(Node n, Label target) {
    if (n instanceof Node.Binary b && b.operator().isComparison()) {
      emit(b.left());
      emit(b.right());
      // dcmpg gives 1 and dcmpl gives -1 for NaN: chosen so that NaN compares false
      switch (b.operator()) {
        case LT -> jump(DCMPG, IFGE, target);
        case LE -> jump(DCMPG, IFGT, target);
        case GT -> jump(DCMPL, IFLE, target);
        case GE -> jump(DCMPL, IFLT, target);
        case EQ -> jump(DCMPL, IFNE, target);
        case NE -> jump(DCMPL, IFEQ, target);
        default -> throw new IllegalStateException(b.operator().toString());
      }
    } else if (n instanceof Node.Binary b && b.operator() == Operator.AND) {
      jumpIfFalse(b.left(), target);
      jumpIfFalse(b.right(), target);
    } else if (n instanceof Node.Binary b && b.operator() == Operator.OR) {
      Label yes = new Label();
      jumpIfTrue(b.left(), yes);
      jumpIfFalse(b.right(), target);
      mv.visitLabel(yes);
    } else if (n instanceof Node.Unary u && u.operator() == Operator.NOT) {
      jumpIfTrue(u.operand(), target);
    } else {
      emit(n);
      mv.visitInsn(DCONST_0);
      jump(DCMPL, IFEQ, target);
    }
  }

  /** Jumps to {@code target} when {@code n} is true (not 0, NaN included); else falls through. */
  private void jumpIfTrue(Node n, Label target) {
    if (n instanceof Node.Binary b && b.operator().isComparison()) {
      emit(b.left());
      emit(b.right());
      switch (b.operator()) {
        case LT -> jump(DCMPG, IFLT, target);
        case LE -> jump(DCMPG, IFLE, target);
        case GT -> jump(DCMPL, IFGT, target);
        case GE -> jump(DCMPL, IFGE, target);
        case EQ -> jump(DCMPL, IFEQ, target);
        case NE -> jump(DCMPL, IFNE, target);
        default -> throw new IllegalStateException(b.operator().toString());
      }
    } else if (n instanceof Node.Binary b && b.operator() == Operator.AND) {
      Label no = new Label();
      jumpIfFalse(b.left(), no);
      jumpIfTrue(b.right(), target);
      mv.visitLabel(no);
    } else if (n instanceof Node.Binary b && b.operator() == Operator.OR) {
      jumpIfTrue(b.left(), target);
      jumpIfTrue(b.right(), target);
    } else if (n instanceof Node.Unary u && u.operator() == Operator.NOT) {
      jumpIfFalse(u.operand(), target);
    } else {
      emit(n);
      mv.visitInsn(DCONST_0);
      jump(DCMPL, IFNE, target);
    }
  }

  private void jump(int compare, int branch, Label target) {
    mv.visitInsn(compare);
    mv.visitJumpInsn(branch, target);
  }

  private int slot(Node vectorVariable) {
    return ctx.slot(((Node.Variable) vectorVariable).name());
  }

  private void load(int slot) {
    mv.visitVarInsn(ALOAD, 1);
    pushInt(slot);
    mv.visitInsn(DALOAD);
  }

  private void math(String name, String desc) {
    mv.visitMethodInsn(INVOKESTATIC, MATH, name, desc, false);
  }

  private void builtin(String name, String desc) {
    mv.visitMethodInsn(INVOKESTATIC, BUILTINS, name, desc, false);
  }

  private void pushInt(int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  private void pushDouble(double v) {
    if (Double.doubleToRawLongBits(v) == 0L) {
      mv.visitInsn(DCONST_0);
    } else if (v == 1.0) {
      mv.visitInsn(DCONST_1);
    } else {
      mv.visitLdcInsn(v);
    }
  }
}
