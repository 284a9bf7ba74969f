package org.nvlab.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake is reported at its column, with a reason phrased for the user. */
class ExpressionErrorsTest {
  static final ExpressionContext CTX =
      ExpressionContext.builder()
          .scalars("a_i", "a_j", "w_ij", "e_j", "g_j")
          .vector("c", 8)
          .vector("k_j", 8)
          .vector("r_i", 4)
          .build();

  private static final String KNOWN = "known: a_i, a_j, w_ij, e_j, g_j, c[8], k_j[8], r_i[4]";
  private static final String VECTORS = "the vectors are c[8], k_j[8], r_i[4]";
  private static final String PRIMARY = "expected a number, a name or '('";
  private static final String FUNCTIONS =
      "the functions are exp, log, sqrt, abs, sin, cos, tanh, sigmoid, min, max, pow, clamp,"
          + " floor, ceil, sign, if, dot, norm, sum";
  private static final String CHARACTERS =
      "expressions use ASCII letters, digits, _ and the operators + - * / ^ < > = ! & | ? :";

  static Stream<Arguments> mistakes() {
    return Stream.of(
        // source, column, message
        of("", 0, "the expression is empty at column 0 (write a formula such as exp(-dist))"),
        of("  \n ", 0, "the expression is empty at column 0 (write a formula such as exp(-dist))"),
        of("exp(a_k)", 4, "unknown variable 'a_k' at column 4 (" + KNOWN + ")"),
        of("a_i + a_j * w_ji", 12, "unknown variable 'w_ji' at column 12 (" + KNOWN + ")"),
        of("a_i + * 2", 6, "unexpected '*' at column 6 (" + PRIMARY + ")"),
        of("a_i +", 5, "unexpected end of the expression at column 5 (" + PRIMARY + ")"),
        of("-", 1, "unexpected end of the expression at column 1 (" + PRIMARY + ")"),
        of("a_i ^", 5, "unexpected end of the expression at column 5 (" + PRIMARY + ")"),
        of("()", 1, "unexpected ')' at column 1 (" + PRIMARY + ")"),
        of("exp(1,)", 6, "unexpected ')' at column 6 (" + PRIMARY + ")"),
        of("+1", 0, "unexpected '+' at column 0 (" + PRIMARY + "; there is no unary '+')"),
        of("(a_i + 1", 8, "missing ')' at column 8 (to close the '(' at column 0)"),
        of(
            "(a_i + 1 a_j",
            9,
            "missing ')' before name 'a_j' at column 9 (to close the '(' at column 0)"),
        of("a_i)", 3, "unexpected ')' at column 3 (there is no '(' for it to close)"),
        of("c[0]]", 4, "unexpected ']' at column 4 (there is no '[' for it to close)"),
        of("a_i a_j", 4, "unexpected name 'a_j' at column 4 (an operator is missing before it)"),
        of("2 3", 2, "unexpected number 3 at column 2 (an operator is missing before it)"),
        of("2 (3)", 2, "unexpected '(' at column 2 (an operator is missing before it)"),
        of(
            "1, 2",
            1,
            "unexpected ',' at column 1 (',' separates the arguments of a function call)"),
        of(
            "a_i < a_j < 1",
            10,
            "comparisons cannot be chained at column 10 (write (a < b) && (b < c) instead of a < b"
                + " < c)"),
        of(
            "a_i == a_j != 1",
            11,
            "comparisons cannot be chained at column 11 (write (a < b) && (b < c) instead of a < b"
                + " < c)"),
        of(
            "a_i ? 1",
            7,
            "expected ':' but found end of the expression at column 7 (the '?' at column 4 needs"
                + " its ': otherwise' part)"),
        of("a_i : 1", 4, "unexpected ':' at column 4 (':' belongs to a conditional, c ? a : b)"),
        of("foo(1)", 0, "unknown function 'foo' at column 0 (" + FUNCTIONS + ")"),
        of("a_i * Exp(1)", 6, "unknown function 'Exp' at column 6 (" + FUNCTIONS + ")"),
        of("pi(1)", 0, "unknown function 'pi' at column 0 (" + FUNCTIONS + ")"),
        of("c(1)", 0, "unknown function 'c' at column 0 (" + FUNCTIONS + ")"),
        of(
            "exp(1, 2)",
            0,
            "wrong number of arguments for exp at column 0 (exp takes 1 argument, got 2)"),
        of(
            "exp()",
            0,
            "wrong number of arguments for exp at column 0 (exp takes 1 argument, got none)"),
        of(
            "max(1)",
            0,
            "wrong number of arguments for max at column 0 (max takes 2 or more arguments, got 1)"),
        of(
            "1 + clamp(1, 2)",
            4,
            "wrong number of arguments for clamp at column 4 (clamp takes 3 arguments, got 2)"),
        of(
            "if(1, 2)",
            0,
            "wrong number of arguments for if at column 0 (if takes 3 arguments, got 2)"),
        of(
            "dot(c)",
            0,
            "wrong number of arguments for dot at column 0 (dot takes 2 arguments, got 1)"),
        of(
            "exp(1 2)",
            6,
            "expected ',' or ')' but found number 2 at column 6 (in the arguments of exp( at"
                + " column 0)"),
        of(
            "1 + c",
            4,
            "'c' is a vector of length 8 where a number is expected at column 4 (use an element"
                + " c[0]..c[7], or dot, norm or sum of it)"),
        of(
            "exp(r_i)",
            4,
            "'r_i' is a vector of length 4 where a number is expected at column 4 (use an element"
                + " r_i[0]..r_i[3], or dot, norm or sum of it)"),
        of(
            "c[8]",
            0,
            "index 8 is out of range for 'c' at column 0 ('c' has length 8: indices 0..7)"),
        of(
            "r_i[99999]",
            0,
            "index 99999 is out of range for 'r_i' at column 0 ('r_i' has length 4: indices 0..3)"),
        of("c[12345678901]", 2, "index 12345678901 is out of range at column 2"),
        of(
            "a_i[0]",
            0,
            "'a_i' is not a vector and cannot be indexed at column 0 (" + VECTORS + ")"),
        of("pi[0]", 0, "'pi' is not a vector and cannot be indexed at column 0 (" + VECTORS + ")"),
        of("x[0]", 0, "unknown vector 'x' at column 0 (" + VECTORS + ")"),
        of(
            "c[1.5]",
            2,
            "an index must be a whole number written in digits at column 2 (as in c[0]; found"
                + " number 1.5)"),
        of(
            "c[a_i]",
            2,
            "an index must be a whole number written in digits at column 2 (as in c[0]; found name"
                + " 'a_i')"),
        of(
            "c[-1]",
            2,
            "an index must be a whole number written in digits at column 2 (as in c[0]; found"
                + " '-')"),
        of(
            "c[0",
            3,
            "expected ']' but found end of the expression at column 3 (to close the '[' at column"
                + " 1)"),
        of(
            "dot(c, r_i)",
            0,
            "dot of vectors of different lengths at column 0 ('c' has 8, 'r_i' has 4)"),
        of(
            "dot(c, a_i)",
            7,
            "'a_i' is a number, but dot takes vectors at column 7 (" + VECTORS + ")"),
        of(
            "norm(c[0])",
            5,
            "norm takes vector variables, not expressions at column 5 (e.g. norm(c); "
                + VECTORS
                + ")"),
        of(
            "sum(2 * c)",
            6,
            "sum takes vector variables, not expressions at column 6 (e.g. sum(c); "
                + VECTORS
                + ")"),
        of("sum(q)", 4, "unknown variable 'q' at column 4 (" + KNOWN + ")"),
        of("exp", 0, "'exp' is a function at column 0 (call it with its arguments: exp(...))"),
        of(
            "2 * sum + 1",
            4,
            "'sum' is a function at column 4 (call it with its arguments: sum(...))"),
        of(
            "1e999",
            0,
            "number 1e999 is too large at column 0 (the largest number is about 1.8e308)"),
        of("1 - 2e-999", 4, "number 2e-999 is too small at column 4 (it would round to 0)"),
        of("1" + "0".repeat(70), 0, "number too long at column 0 (71 characters; the limit is 64)"),
        of(
            "2.",
            0,
            "malformed number '2.' at column 0 (a decimal point must be followed by digits, as in"
                + " 2.0)"),
        of("1e", 0, "malformed number '1e' at column 0 (an exponent needs digits, as in 1e-3)"),
        of("1e+", 0, "malformed number '1e+' at column 0 (an exponent needs digits, as in 1e-3)"),
        of(
            "0x1F",
            0,
            "malformed number '0x1F' at column 0 (numbers are decimal, like 12, 0.5 or 1e-3)"),
        of(
            "1.2.3",
            0,
            "malformed number '1.2.3' at column 0 (numbers are decimal, like 12, 0.5 or 1e-3)"),
        of(
            "a_i * 1f",
            6,
            "malformed number '1f' at column 6 (numbers are decimal, like 12, 0.5 or 1e-3)"),
        of(
            "1_000",
            0,
            "malformed number '1_000' at column 0 (numbers are decimal, like 12, 0.5 or 1e-3)"),
        of("a_i = 1", 4, "unexpected '=' at column 4 (there is no assignment; compare with '==')"),
        of("a_i & a_j", 4, "unexpected '&' at column 4 (write '&&' for and)"),
        of("a_i | a_j", 4, "unexpected '|' at column 4 (write '||' for or)"),
        of("a_i % 2", 4, "unexpected '%' at column 4 (" + CHARACTERS + ")"),
        of(
            "a_i \u00d7 2",
            4,
            "unexpected character U+00D7 '\u00d7' at column 4 (" + CHARACTERS + ")"),
        of(
            "\u03b1 + 1",
            0,
            "unexpected character U+03B1 '\u03b1' at column 0 (" + CHARACTERS + ")"),
        of("1 +\u0000", 3, "unexpected character U+0000 at column 3 (" + CHARACTERS + ")"),
        of("a_i\n+ b", 6, "unknown variable 'b' at column 6 (" + KNOWN + ")"),
        of(
            "1 + " + "x".repeat(3_000),
            4,
            "unknown variable '" + "x".repeat(37) + "...' at column 4 (" + KNOWN + ")"),
        of(
            "y".repeat(100) + "(1)",
            0,
            "unknown function '" + "y".repeat(37) + "...' at column 0 (" + FUNCTIONS + ")"),
        of(
            "1 " + "z".repeat(50),
            2,
            "unexpected name '"
                + "z".repeat(37)
                + "...' at column 2 (an operator is missing"
                + " before it)"));
  }

  private static Arguments of(String source, int column, String message) {
    return Arguments.of(source, column, message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mistakes")
  void aMistakeIsReportedAtItsColumnWithItsReason(String source, int column, String message) {
    ExpressionException ex =
        assertThrows(ExpressionException.class, () -> Expression.compile(source, CTX));
    assertEquals(message, ex.getMessage());
    assertEquals(column, ex.column());
    assertEquals(source, ex.source());
    assertTrue(message.startsWith(ex.reason().split(" \\(")[0]), ex.reason());
    assertFalse(ex.getMessage().contains("\n"), "one line");
    assertFalse(ex.getMessage().contains("Exception"), "no Java in the message");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("mistakes")
  void checkingAloneFindsTheSameMistake(String source, int column, String message) {
    ExpressionException ex =
        assertThrows(ExpressionException.class, () -> Expression.parse(source, CTX));
    assertEquals(message, ex.getMessage());
  }

  @org.junit.jupiter.api.Test
  void theReasonLeavesOutTheColumnAndThePointerShowsIt() {
    ExpressionException ex =
        assertThrows(ExpressionException.class, () -> Expression.compile("exp(a_k) + 1", CTX));
    assertEquals("unknown variable 'a_k' (" + KNOWN + ")", ex.reason());
    assertEquals("exp(a_k) + 1\n    ^", ex.pointer());
    ExpressionException second =
        assertThrows(ExpressionException.class, () -> Expression.compile("a_i +\n  b_x", CTX));
    assertEquals(8, second.column());
    assertEquals("  b_x\n  ^", second.pointer());
    ExpressionException atEnd =
        assertThrows(ExpressionException.class, () -> Expression.compile("a_i +", CTX));
    assertEquals("a_i +\n     ^", atEnd.pointer());
  }

  @org.junit.jupiter.api.Test
  void aContextWithoutVariablesSaysSo() {
    ExpressionContext none = ExpressionContext.builder().build();
    ExpressionException ex =
        assertThrows(ExpressionException.class, () -> Expression.compile("x + 1", none));
    assertEquals(
        "unknown variable 'x' at column 0 (known: none; this expression can use no variables)",
        ex.getMessage());
  }

  @org.junit.jupiter.api.Test
  void longListsOfNamesAreCut() {
    ExpressionContext.Builder b = ExpressionContext.builder();
    for (int i = 0; i < 40; i++) {
      b.scalar("z" + i);
    }
    ExpressionException ex =
        assertThrows(ExpressionException.class, () -> Expression.compile("y", b.build()));
    assertTrue(ex.getMessage().endsWith("z22, z23, ...)"), ex.getMessage());
  }
}
