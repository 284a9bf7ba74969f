package org.nvlab.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the language means: precedence, truth, functions, vectors, printing, the context. */
class ExpressionLanguageTest {
  static final ExpressionContext CTX =
      ExpressionContext.builder()
          .scalars("beta", "a_j", "dist", "g_j")
          .vector("c", 3)
          .vector("k_j", 3)
          .vector("r_i", 2)
          .scalar("t")
          .build();

  /** beta=2, a_j=0.5, dist=1, g_j=-3, c=(1,2,3), k_j=(4,5,6), r_i=(3,4), t=0. */
  static final double[] VALUES = {2, 0.5, 1, -3, 1, 2, 3, 4, 5, 6, 3, 4, 0};

  /** Compiled and interpreted, which must agree to the bit. */
  static double eval(String source) {
    try {
      Expression e = Expression.parse(source, CTX);
      double compiled = e.compile().evaluate(VALUES.clone());
      double interpreted = e.evaluate(VALUES.clone());
      assertEquals(
          Double.doubleToLongBits(interpreted),
          Double.doubleToLongBits(compiled),
          () -> source + ": compiled " + compiled + ", interpreted " + interpreted);
      return compiled;
    } catch (ExpressionException ex) {
      throw new AssertionError(source + ": " + ex.getMessage(), ex);
    }
  }

  static void check(double expected, String source) {
    assertEquals(expected, eval(source), 0.0, source);
  }

  @Test
  void theContextLaysOutScalarsAndVectorsInDeclarationOrder() {
    assertEquals(13, CTX.size());
    assertEquals(0, CTX.slot("beta"));
    assertEquals(4, CTX.slot("c"));
    assertEquals(7, CTX.slot("k_j"));
    assertEquals(10, CTX.slot("r_i"));
    assertEquals(12, CTX.slot("t"));
    assertEquals(3, CTX.length("c"));
    assertTrue(CTX.isVector("r_i"));
    assertFalse(CTX.isVector("t"));
    assertEquals(List.of("beta", "a_j", "dist", "g_j", "c", "k_j", "r_i", "t"), CTX.names());
    assertEquals("beta, a_j, dist, g_j, c[3], k_j[3], r_i[2], t", CTX.toString());
  }

  @Test
  void theContextRefusesBadNames() {
    ExpressionContext.Builder b = ExpressionContext.builder().scalar("x");
    assertThrows(IllegalArgumentException.class, () -> b.scalar("x"));
    assertThrows(IllegalArgumentException.class, () -> b.scalar("exp"));
    assertThrows(IllegalArgumentException.class, () -> b.scalar("if"));
    assertThrows(IllegalArgumentException.class, () -> b.scalar("pi"));
    assertThrows(IllegalArgumentException.class, () -> b.scalar("e"));
    assertThrows(IllegalArgumentException.class, () -> b.scalar("2x"));
    assertThrows(IllegalArgumentException.class, () -> b.scalar("a.b"));
    assertThrows(IllegalArgumentException.class, () -> b.scalar(""));
    assertThrows(IllegalArgumentException.class, () -> b.scalar("é"));
    assertThrows(IllegalArgumentException.class, () -> b.vector("v", 0));
    assertThrows(IllegalArgumentException.class, () -> CTX.slot("nope"));
  }

  @Test
  void theBenchmarkExpressionMatchesHandWrittenJava() {
    double handWritten = Math.exp(2 * 0.5 - 1) + 0.5 * -3;
    check(handWritten, "exp(beta * a_j - dist) + 0.5 * g_j");
  }

  @Test
  void arithmeticFollowsTheUsualPrecedenceAndAssociativity() {
    check(7, "1 + 2 * 3");
    check(9, "(1 + 2) * 3");
    check(3, "10 - 4 - 3");
    check(0.25, "2 / 4 / 2");
    check(512, "2 ^ 3 ^ 2");
    check(64, "(2 ^ 3) ^ 2");
    check(-4, "-2 ^ 2");
    check(4, "(-2) ^ 2");
    check(0.5, "2 ^ -1");
    check(-6, "2 * -3");
    check(5, "2 - -3");
    check(2, "--2");
    check(18, "2 * 3 ^ 2");
    check(Math.PI, "pi");
    check(Math.E, "e");
    check(0.001, "1e-3");
    check(250, "2.5E2");
    check(0.5, ".5");
    check(7, "007");
    check(Double.POSITIVE_INFINITY, "1 / 0");
  }

  @Test
  void comparisonsAndLogicYieldOneOrZero() {
    check(1, "1 < 2");
    check(0, "2 < 2");
    check(1, "2 <= 2");
    check(0, "1 > 2");
    check(1, "2 >= 2");
    check(1, "2 == 2");
    check(1, "2 != 3");
    check(1, "1 + 1 < 3");
    check(1, "0 || 2");
    check(0, "0 || 0");
    check(1, "1 && 3");
    check(0, "1 && 0");
    check(1, "0 && 1 || 1");
    check(0, "0 && (1 || 1)");
    check(1, "!0");
    check(0, "!2");
    check(2, "!0 + 1");
    check(0, "!(1 < 2)");
    check(1, "1 < 2 && 2 < 3");
  }

  @Test
  void nanIsTrueAndComparesFalse() {
    check(1, "sqrt(-1) ? 1 : 2");
    check(0, "!sqrt(-1)");
    check(1, "sqrt(-1) && 1");
    check(0, "sqrt(-1) < 1");
    check(0, "sqrt(-1) >= 1");
    check(0, "sqrt(-1) == sqrt(-1)");
    check(1, "sqrt(-1) != sqrt(-1)");
    assertTrue(Double.isNaN(eval("log(-1) + 1")));
  }

  @Test
  void conditionalsChooseOneBranchAndNestToTheRight() {
    check(2, "1 ? 2 : 3");
    check(4, "0 ? 2 : 0 ? 3 : 4");
    check(3, "1 ? 0 ? 2 : 3 : 4");
    check(2, "if(0, 1, 2)");
    check(2, "a_j > 0 ? 2 : -2");
    check(3, "g_j < 0 ? -g_j : g_j");
    check(11, "1 + (t == 0 ? 10 : 20)");
  }

  @Test
  void everyFunctionComputesItsFormula() {
    check(1, "exp(0)");
    check(1, "log(e)");
    check(2, "sqrt(4)");
    check(3, "abs(-3)");
    check(0, "sin(0)");
    check(1, "cos(0)");
    check(0, "tanh(0)");
    check(0.5, "sigmoid(0)");
    check(1.0 / (1.0 + Math.exp(-2.0)), "sigmoid(beta)");
    check(1, "min(3, 1, 2)");
    check(3, "max(3, 1, 2)");
    check(-3, "min(g_j, dist)");
    check(1024, "pow(2, 10)");
    check(1, "clamp(5, 0, 1)");
    check(0, "clamp(-1, 0, 1)");
    check(0.5, "clamp(a_j, 0, 1)");
    check(-2, "floor(-1.5)");
    check(-1, "ceil(-1.5)");
    check(-1, "sign(g_j)");
    check(0, "sign(t)");
    check(1, "sign(beta)");
  }

  @Test
  void vectorsAreReadByElementOrThroughDotNormAndSum() {
    check(1, "c[0]");
    check(3, "c[2]");
    check(6, "k_j[2]");
    check(32, "dot(c, k_j)");
    check(25, "dot(r_i, r_i)");
    check(5, "norm(r_i)");
    check(Math.sqrt(14), "norm(c)");
    check(15, "sum(k_j)");
    check(Math.exp(32 / Math.sqrt(3)), "exp(dot(c, k_j) / sqrt(3))");
  }

  @Test
  void whitespaceAndLineBreaksAreFree() {
    check(7, " 1+2*3 ");
    check(7, "1\n+ 2\t* 3\r\n");
  }

  @Test
  void theCanonicalFormHasOnlyTheNeededParentheses() throws ExpressionException {
    String[][] cases = {
      {"((a_j))+(beta*dist)", "a_j + beta * dist"},
      {"(a_j+beta)*dist", "(a_j + beta) * dist"},
      {"a_j-(beta-dist)", "a_j - (beta - dist)"},
      {"(a_j-beta)-dist", "a_j - beta - dist"},
      {"2^(3^2)", "2^3^2"},
      {"(2^3)^2", "(2^3)^2"},
      {"-(2^2)", "-2^2"},
      {"(-2)^2", "(-2)^2"},
      {"2^(-1)", "2^-1"},
      {"(a_j<1)==(beta<1)", "(a_j < 1) == (beta < 1)"},
      {"!(a_j<1)", "!(a_j < 1)"},
      {"a_j?(1?2:3):(4?5:6)", "a_j ? 1 ? 2 : 3 : 4 ? 5 : 6"},
      {"(a_j?1:2)?3:4", "(a_j ? 1 : 2) ? 3 : 4"},
      {"max( c[0] ,dot(c,k_j) ,1e-3)", "max(c[0], dot(c, k_j), 1e-3)"},
      {"if(a_j||beta&&dist,1,2)", "if(a_j || beta && dist, 1, 2)"},
      {"(a_j||beta)&&dist", "(a_j || beta) && dist"},
    };
    for (String[] c : cases) {
      Expression e = Expression.parse(c[0], CTX);
      assertEquals(c[1], e.toString(), c[0]);
      assertEquals(c[1], Expression.parse(c[1], CTX).toString(), c[1]);
    }
  }

  @Test
  void anExpressionKnowsWhatItReads() throws ExpressionException {
    Expression e = Expression.parse("dot(c, k_j) + exp(-dist) * c[1] + pi", CTX);
    assertEquals(List.of("c", "k_j", "dist"), List.copyOf(e.variables()));
    assertFalse(e.isConstant());
    assertTrue(Expression.parse("2 * pi + exp(1)", CTX).isConstant());
    assertEquals("dot(c, k_j) + exp(-dist) * c[1] + pi", e.source());
    assertSame(CTX, e.context());
    assertTrue(e.root() instanceof Node.Binary);
  }

  @Test
  void compiledExpressionsAreHiddenClassesThatKnowTheirSource() throws ExpressionException {
    CompiledExpression f = Expression.compile("beta * a_j", CTX);
    assertTrue(f.getClass().isHidden(), f.getClass().getName());
    assertTrue(f.getClass().getName().startsWith("org.nvlab.core.expr.Compiled"));
    assertEquals("beta * a_j", f.expression().source());
    CompiledExpression g = Expression.compile("beta * a_j", CTX);
    assertTrue(f.getClass() != g.getClass(), "each compile defines its own class");
  }

  @Test
  void anExpressionMayReadNothingFromAnEmptyContext() throws ExpressionException {
    ExpressionContext none = ExpressionContext.builder().build();
    assertEquals(0, none.size());
    assertEquals(3.0, Expression.compile("1 + 2", none).evaluate(new double[0]));
  }
}
