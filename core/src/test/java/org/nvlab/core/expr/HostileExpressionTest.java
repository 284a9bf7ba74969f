package org.nvlab.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text written to escape the language (Java code, member access, strings, escapes, comments,
 * statements, lambdas) or to exhaust the parser (deep nesting, huge literals, long inputs) is
 * rejected with a message and does nothing; random garbage either compiles or is rejected, never
 * anything else, and quickly.
 */
class HostileExpressionTest {
  static final ExpressionContext CTX =
      ExpressionContext.builder().scalars("a_i", "a_j", "w_ij").vector("c", 4).build();

  @TempDir Path dir;

  @Test
  void javaCodeThatWouldCreateAFileIsRejectedAndCreatesNothing() {
    Path marker = dir.resolve("x");
    String[] attempts = {
      "java.lang.Runtime.getRuntime().exec(\"touch " + marker + "\")",
      "Runtime.getRuntime().exec(\"touch " + marker + "\")",
      "new java.io.File(\"" + marker + "\").createNewFile()",
      "java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + marker + "\"))",
      "exec(\"touch " + marker + "\")",
      "exec(touch)",
    };
    for (String a : attempts) {
      ExpressionException ex =
          assertThrows(ExpressionException.class, () -> Expression.compile(a, CTX), a);
      assertTrue(ex.column() >= 0 && ex.column() <= a.length(), a);
    }
    assertFalse(Files.exists(marker), "a rejected expression created " + marker);
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("java.lang.Runtime.getRuntime().exec(\"touch /tmp/x\")", 4, "'.'"),
        Arguments.of("System.exit(1)", 6, "'.'"),
        Arguments.of("Class.forName(\"x\")", 5, "'.'"),
        Arguments.of("new java.io.File(\"x\")", 4, "name 'java'"),
        Arguments.of("a.b", 1, "member access"),
        Arguments.of("a_i.getClass()", 3, "member access"),
        Arguments.of("Math.random()", 4, "member access"),
        Arguments.of("exp.invoke(1)", 3, "member access"),
        Arguments.of("\"exp(1)\"", 0, "strings"),
        Arguments.of("'a'", 0, "strings"),
        Arguments.of("`ls`", 0, "strings"),
        Arguments.of("a_i + \\", 6, "escapes"),
        Arguments.of("\\u0065xp(1)", 0, "escapes"),
        Arguments.of("exp\\u0028 1)", 3, "escapes"),
        Arguments.of("1 // comment", 2, "comments"),
        Arguments.of("/* x */ 1", 0, "comments"),
        Arguments.of("a_i; System.exit(1)", 3, "statements"),
        Arguments.of("{ return 1; }", 0, "blocks"),
        Arguments.of("x -> x", 2, "'->'"),
        Arguments.of("() -> 1", 1, "unexpected ')'"),
        Arguments.of("a_i = 2", 4, "assignment"),
        Arguments.of("random()", 0, "unknown function 'random'"),
        Arguments.of("getClass()", 0, "unknown function 'getClass'"),
        Arguments.of("getRuntime()", 0, "unknown function 'getRuntime'"),
        Arguments.of("exp(1).getClass()", 6, "member access"),
        Arguments.of("hashCode()", 0, "unknown function 'hashCode'"),
        Arguments.of("wait()", 0, "unknown function 'wait'"),
        Arguments.of("this", 0, "unknown variable 'this'"),
        Arguments.of("class", 0, "unknown variable 'class'"),
        Arguments.of("super.exp(1)", 5, "member access"),
        Arguments.of("exp[0]", 0, "not a vector"),
        Arguments.of("c.length", 1, "member access"),
        Arguments.of("c[0] = 1", 5, "assignment"),
        Arguments.of("${jndi:ldap://x/a}", 0, "unexpected '$'"),
        Arguments.of("#{1}", 0, "unexpected '#'"),
        Arguments.of("@Foo 1", 0, "unexpected '@'"),
        Arguments.of("a_i\u202e + 1", 3, "U+202E"),
        Arguments.of("1 +\uD83D\uDE00", 3, "U+1F600"),
        Arguments.of("1 +\uD800", 3, "U+D800"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostile")
  void hostileTextIsRejectedWithAMessage(String source, int column, String reasonPart) {
    ExpressionException ex =
        assertThrows(ExpressionException.class, () -> Expression.compile(source, CTX));
    assertEquals(column, ex.column(), ex.getMessage());
    assertTrue(ex.getMessage().contains(reasonPart), ex.getMessage());
  }

  @Test
  void hundredThousandNestedParenthesesStopAtTheDepthLimitNotTheStack() {
    String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
    // With the default limits the length check refuses it first ...
    ExpressionException tooLong =
        assertThrows(ExpressionException.class, () -> Expression.compile(deep, CTX));
    assertEquals(Expression.MAX_LENGTH, tooLong.column());
    assertEquals(
        "the expression is too long at column 4000 (200,001 characters; the limit is 4,000)",
        tooLong.getMessage());
    // ... and without a length limit the parser stops at the depth limit, never recursing deeper.
    Limits noLength = new Limits(Integer.MAX_VALUE, Expression.MAX_DEPTH, Expression.MAX_NODES);
    String[] nests = {
      deep,
      "-".repeat(100_000) + "1",
      "!".repeat(100_000) + "1",
      "2^".repeat(100_000) + "2",
      "1?".repeat(100_000) + "1" + ":1".repeat(100_000),
      "exp(".repeat(100_000) + "1" + ")".repeat(100_000),
      "max(1,".repeat(100_000) + "1" + ")".repeat(100_000),
    };
    for (String n : nests) {
      ExpressionException ex =
          assertThrows(ExpressionException.class, () -> Expression.parse(n, CTX, noLength));
      assertTrue(ex.getMessage().startsWith("the expression nests too deeply"), ex.getMessage());
      assertTrue(ex.column() < 1_000, ex.getMessage());
    }
  }

  @Test
  void nestingUpToTheLimitIsFineAndOneMoreIsNot() throws ExpressionException {
    int d = Expression.MAX_DEPTH;
    String ok = "(".repeat(d) + "a_i" + ")".repeat(d);
    assertEquals(2.0, Expression.compile(ok, CTX).evaluate(new double[] {2, 0, 0, 0, 0, 0, 0}));
    String over = "(".repeat(d + 1) + "a_i" + ")".repeat(d + 1);
    ExpressionException ex =
        assertThrows(ExpressionException.class, () -> Expression.compile(over, CTX));
    assertEquals(d, ex.column());
    assertEquals(
        "the expression nests too deeply at column 100 (more than 100 levels of parentheses,"
            + " calls, signs, powers or conditionals)",
        ex.getMessage());
    String signs = "-".repeat(d) + "a_i";
    assertEquals(2.0, Expression.compile(signs, CTX).evaluate(new double[] {2, 0, 0, 0, 0, 0, 0}));
  }

  @Test
  void longFlatExpressionsAreBoundedByLengthAndNodeCount() throws ExpressionException {
    // 999 nodes: fine, and deep left-leaning trees compile without trouble
    String flat = "a_i" + " + a_i".repeat(499);
    double[] v = {1, 0, 0, 0, 0, 0, 0};
    assertEquals(500.0, Expression.compile(flat, CTX).evaluate(v));
    String many = "1" + "+1".repeat(1_000);
    ExpressionException nodes =
        assertThrows(ExpressionException.class, () -> Expression.compile(many, CTX));
    assertEquals(
        "the expression is too large at column 999 (more than 1,000 numbers, names and"
            + " operators; split it up)",
        nodes.getMessage());
    String longText = "a_i+" + " ".repeat(Expression.MAX_LENGTH);
    ExpressionException length =
        assertThrows(ExpressionException.class, () -> Expression.compile(longText, CTX));
    assertEquals(Expression.MAX_LENGTH, length.column());
    String tenMegabytes = "1".repeat(10_000_000);
    assertEquals(
        Expression.MAX_LENGTH,
        assertThrows(ExpressionException.class, () -> Expression.compile(tenMegabytes, CTX))
            .column());
  }

  @Test
  void enormousLiteralsAreRejected() {
    String[] huge = {
      "1e999",
      "1e2147483648",
      "9".repeat(400),
      "0." + "0".repeat(62) + "1",
      "1e-400",
      "1" + "0".repeat(309),
    };
    for (String h : huge) {
      ExpressionException ex =
          assertThrows(ExpressionException.class, () -> Expression.compile(h, CTX), h);
      assertEquals(0, ex.column(), ex.getMessage());
      assertTrue(ex.getMessage().startsWith("number"), ex.getMessage());
    }
  }

  @Test
  void theLargestAndSmallestFiniteLiteralsAreAccepted() throws ExpressionException {
    assertEquals(
        1.7976931348623157e308,
        Expression.compile("1.7976931348623157e308", CTX).evaluate(new double[7]));
    assertEquals(4.9e-324, Expression.compile("4.9e-324", CTX).evaluate(new double[7]));
  }

  /** Token soup, character soup, any UTF-16, and mutations of valid expressions. */
  @Test
  void randomGarbageCompilesOrIsRejectedNeverAnythingElse() {
    Random rnd = new Random(19);
    int compiled = 0;
    int rejected = 0;
    for (int i = 0; i < 5_000; i++) {
      String s = garbage(rnd);
      long t0 = System.nanoTime();
      try {
        CompiledExpression f = Expression.compile(s, Reference.CONTEXT);
        f.evaluate(Reference.values(rnd));
        compiled++;
      } catch (ExpressionException ex) {
        rejected++;
        assertTrue(ex.column() >= 0 && ex.column() <= s.length(), ex.getMessage());
        assertFalse(ex.reason().isBlank());
        ex.pointer();
      } catch (Throwable t) {
        fail("input " + quoted(s) + " threw " + t, t);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms >= 1_000) {
        fail("input " + quoted(s) + " took " + ms + " ms");
      }
    }
    assertTrue(compiled > 20 && rejected > 3_000, compiled + " compiled, " + rejected + " not");
  }

  private static final String[] TOKENS = {
    "a_i",
    "a_j",
    "w_ij",
    "c",
    "x",
    "1",
    "0.5",
    "2e3",
    "1e400",
    "exp",
    "dot",
    "norm",
    "sum",
    "min",
    "max",
    "clamp",
    "if",
    "pi",
    "e",
    "(",
    ")",
    "(",
    ")",
    "[",
    "]",
    "[0]",
    "[3]",
    "[9]",
    ",",
    "?",
    ":",
    "+",
    "-",
    "*",
    "/",
    "^",
    "<",
    "<=",
    ">",
    ">=",
    "==",
    "!=",
    "&&",
    "||",
    "!",
    ".",
    ";",
    "\"",
    "\\",
    "=",
    "&",
    "|",
    " ",
    " ",
    "getClass",
    "java",
    "new",
    "->"
  };

  static String garbage(Random rnd) {
    StringBuilder b = new StringBuilder();
    int n = rnd.nextInt(30);
    switch (rnd.nextInt(4)) {
      case 0 -> {
        for (int i = 0; i < n; i++) {
          b.append(TOKENS[rnd.nextInt(TOKENS.length)]);
        }
      }
      case 1 -> {
        for (int i = 0; i < n; i++) {
          b.append((char) (32 + rnd.nextInt(95)));
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          b.append((char) rnd.nextInt(0x10000));
        }
      }
      default -> {
        Reference.Ref tree = Reference.tree(new Random(rnd.nextLong()), 4);
        b.append(Reference.print(tree, rnd.nextBoolean()));
        int edits = 1 + rnd.nextInt(3);
        for (int k = 0; k < edits && b.length() > 0; k++) {
          int at = rnd.nextInt(b.length());
          switch (rnd.nextInt(3)) {
            case 0 -> b.deleteCharAt(at);
            case 1 -> b.insert(at, TOKENS[rnd.nextInt(TOKENS.length)]);
            default -> b.setCharAt(at, (char) (32 + rnd.nextInt(95)));
          }
        }
      }
    }
    return b.toString();
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      b.append(ch >= 32 && ch < 127 ? String.valueOf(ch) : String.format("\\u%04x", (int) ch));
    }
    return b.append('"').toString();
  }
}
