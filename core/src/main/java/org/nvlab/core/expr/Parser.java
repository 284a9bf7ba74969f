package org.nvlab.core.expr;

import java.util.ArrayList;
import java.util.List;
import org.nvlab.core.expr.Lexer.Kind;
import org.nvlab.core.expr.Lexer.Token;

/**
 * Recursive descent over the grammar of docs/expressions.md, lowest precedence first:
 *
 * <pre>
 * conditional = or [ "?" conditional ":" conditional ]
 * or          = and { "||" and }
 * and         = comparison { "&amp;&amp;" comparison }
 * comparison  = additive [ ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") additive ]
 * additive    = term { ("+" | "-") term }
 * term        = unary { ("*" | "/") unary }
 * unary       = ("-" | "!") unary | power
 * power       = primary [ "^" unary ]
 * primary     = number | name | name "[" digits "]" | name "(" [ args ] ")" | "(" conditional ")"
 * </pre>
 *
 * Names are not resolved here (the {@link Checker} does that against the context), except that a
 * call must name a whitelisted function and {@code pi} and {@code e} are constants.
 */
final class Parser {
  private final String src;
  private final Lexer lexer;
  private final Limits limits;
  private Token tok;
  private int depth;
  private int nodes;

  private Parser(String src, Limits limits) {
    this.src = src;
    this.lexer = new Lexer(src);
    this.limits = limits;
  }

  static Node parse(String src, Limits limits) throws ExpressionException {
    if (src.length() > limits.maxLength()) {
      throw new ExpressionException(
          src,
          limits.maxLength(),
          "the expression is too long",
          String.format("%,d characters; the limit is %,d", src.length(), limits.maxLength()));
    }
    Parser p = new Parser(src, limits);
    p.advance();
    if (p.tok.kind() == Kind.END) {
      throw p.error(0, "the expression is empty", "write a formula such as exp(-dist)");
    }
    Node n = p.conditional();
    if (p.tok.kind() != Kind.END) {
      throw p.error(p.tok.column(), "unexpected " + p.tok.describe(), p.leftoverHint());
    }
    return n;
  }

  private String leftoverHint() {
    return switch (tok.kind()) {
      case RPAREN -> "there is no '(' for it to close";
      case RBRACKET -> "there is no '[' for it to close";
      case COLON -> "':' belongs to a conditional, c ? a : b";
      case COMMA -> "',' separates the arguments of a function call";
      case LT, LE, GT, GE, EQ, NE -> "comparisons cannot be chained; write (a < b) && (b < c)";
      default -> "an operator is missing before it";
    };
  }

  private Node conditional() throws ExpressionException {
    Node c = or();
    if (tok.kind() != Kind.QUESTION) {
      return c;
    }
    int col = tok.column();
    enter(col);
    advance();
    Node a = conditional();
    if (tok.kind() != Kind.COLON) {
      throw error(
          tok.column(),
          "expected ':' but found " + tok.describe(),
          "the '?' at column " + col + " needs its ': otherwise' part");
    }
    advance();
    Node b = conditional();
    leave();
    return node(new Node.Conditional(c, a, b, col));
  }

  private Node or() throws ExpressionException {
    Node left = and();
    while (tok.kind() == Kind.OR) {
      int col = tok.column();
      advance();
      left = node(new Node.Binary(Operator.OR, left, and(), col));
    }
    return left;
  }

  private Node and() throws ExpressionException {
    Node left = comparison();
    while (tok.kind() == Kind.AND) {
      int col = tok.column();
      advance();
      left = node(new Node.Binary(Operator.AND, left, comparison(), col));
    }
    return left;
  }

  private Node comparison() throws ExpressionException {
    Node left = additive();
    Operator op = comparisonOperator(tok.kind());
    if (op == null) {
      return left;
    }
    int col = tok.column();
    advance();
    Node n = node(new Node.Binary(op, left, additive(), col));
    if (comparisonOperator(tok.kind()) != null) {
      throw error(
          tok.column(),
          "comparisons cannot be chained",
          "write (a < b) && (b < c) instead of a < b < c");
    }
    return n;
  }

  private static Operator comparisonOperator(Kind k) {
    return switch (k) {
      case LT -> Operator.LT;
      case LE -> Operator.LE;
      case GT -> Operator.GT;
      case GE -> Operator.GE;
      case EQ -> Operator.EQ;
      case NE -> Operator.NE;
      default -> null;
    };
  }

  private Node additive() throws ExpressionException {
    Node left = term();
    while (tok.kind() == Kind.PLUS || tok.kind() == Kind.MINUS) {
      Operator op = tok.kind() == Kind.PLUS ? Operator.ADD : Operator.SUB;
      int col = tok.column();
      advance();
      left = node(new Node.Binary(op, left, term(), col));
    }
    return left;
  }

  private Node term() throws ExpressionException {
    Node left = unary();
    while (tok.kind() == Kind.STAR || tok.kind() == Kind.SLASH) {
      Operator op = tok.kind() == Kind.STAR ? Operator.MUL : Operator.DIV;
      int col = tok.column();
      advance();
      left = node(new Node.Binary(op, left, unary(), col));
    }
    return left;
  }

  private Node unary() throws ExpressionException {
    if (tok.kind() != Kind.MINUS && tok.kind() != Kind.NOT) {
      return power();
    }
    Operator op = tok.kind() == Kind.MINUS ? Operator.NEG : Operator.NOT;
    int col = tok.column();
    enter(col);
    advance();
    Node operand = unary();
    leave();
    return node(new Node.Unary(op, operand, col));
  }

  private Node power() throws ExpressionException {
    Node base = primary();
    if (tok.kind() != Kind.CARET) {
      return base;
    }
    int col = tok.column();
    enter(col);
    advance();
    Node exponent = unary();
    leave();
    return node(new Node.Binary(Operator.POW, base, exponent, col));
  }

  private Node primary() throws ExpressionException {
    Token t = tok;
    switch (t.kind()) {
      case NUMBER:
        advance();
        return node(new Node.Literal(t.value(), t.text(), t.column()));
      case NAME:
        advance();
        if (tok.kind() == Kind.LPAREN) {
          return call(t);
        }
        if (tok.kind() == Kind.LBRACKET) {
          return element(t);
        }
        Double constant = Lexer.constant(t.text());
        if (constant != null) {
          return node(new Node.Literal(constant, t.text(), t.column()));
        }
        return node(new Node.Variable(t.text(), t.column()));
      case LPAREN:
        enter(t.column());
        advance();
        Node inner = conditional();
        if (tok.kind() != Kind.RPAREN) {
          throw error(
              tok.column(),
              "missing ')'" + (tok.kind() == Kind.END ? "" : " before " + tok.describe()),
              "to close the '(' at column " + t.column());
        }
        advance();
        leave();
        return inner;
      default:
        throw error(
            t.column(),
            "unexpected " + t.describe(),
            "expected a number, a name or '('"
                + (t.kind() == Kind.PLUS ? "; there is no unary '+'" : ""));
    }
  }

  private Node call(Token name) throws ExpressionException {
    Function f = Function.byName(name.text());
    if (f == null) {
      throw error(
          name.column(),
          "unknown function '" + Lexer.shorten(name.text()) + "'",
          "the functions are " + Function.names());
    }
    int open = tok.column();
    enter(open);
    advance();
    List<Node> args = new ArrayList<>();
    if (tok.kind() != Kind.RPAREN) {
      while (true) {
        args.add(conditional());
        if (tok.kind() == Kind.COMMA) {
          advance();
        } else if (tok.kind() == Kind.RPAREN) {
          break;
        } else {
          throw error(
              tok.column(),
              "expected ',' or ')' but found " + tok.describe(),
              "in the arguments of " + name.text() + "( at column " + name.column());
        }
      }
    }
    advance();
    leave();
    return node(new Node.Call(f, args, name.column()));
  }

  private Node element(Token name) throws ExpressionException {
    int open = tok.column();
    advance();
    Token index = tok;
    if (index.kind() != Kind.NUMBER || !allDigits(index.text())) {
      throw error(
          index.column(),
          "an index must be a whole number written in digits",
          "as in " + name.text() + "[0]; found " + index.describe());
    }
    if (index.text().length() > 9) {
      throw error(index.column(), "index " + index.text() + " is out of range", null);
    }
    advance();
    if (tok.kind() != Kind.RBRACKET) {
      throw error(
          tok.column(),
          "expected ']' but found " + tok.describe(),
          "to close the '[' at column " + open);
    }
    advance();
    return node(new Node.Element(name.text(), (int) index.value(), name.column()));
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Lexer.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void advance() throws ExpressionException {
    tok = lexer.next();
  }

  private void enter(int column) throws ExpressionException {
    if (++depth > limits.maxDepth()) {
      throw error(
          column,
          "the expression nests too deeply",
          "more than "
              + limits.maxDepth()
              + " levels of parentheses, calls, signs, powers or conditionals");
    }
  }

  private void leave() {
    depth--;
  }

  private Node node(Node n) throws ExpressionException {
    if (++nodes > limits.maxNodes()) {
      throw error(
          n.column(),
          "the expression is too large",
          String.format(
              "more than %,d numbers, names and operators; split it up", limits.maxNodes()));
    }
    return n;
  }

  private ExpressionException error(int column, String problem, String detail) {
    return new ExpressionException(src, column, problem, detail);
  }
}
