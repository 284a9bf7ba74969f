package org.nvlab.core.expr;

/**
 * Splits the source into tokens on demand, so that the first problem in reading order is the one
 * reported. Only ASCII letters, digits, '_', the operators, parentheses, brackets, ',', '?', ':'
 * and whitespace (space, tab, line breaks) can appear; everything else is rejected with the reason
 * a user would need (no strings, no member access, no comments, no statements).
 */
final class Lexer {
  /** The longest number literal. */
  static final int MAX_NUMBER_LENGTH = 64;

  enum Kind {
    NUMBER,
    NAME,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    QUESTION,
    COLON,
    PLUS,
    MINUS,
    STAR,
    SLASH,
    CARET,
    LT,
    LE,
    GT,
    GE,
    EQ,
    NE,
    AND,
    OR,
    NOT,
    END
  }

  /** One token: its kind, its text, where it starts, and a number's value. */
  record Token(Kind kind, String text, int column, double value) {
    /** How a message names this token: {@code ')'}, {@code name 'x'}, {@code the end}. */
    String describe() {
      return switch (kind) {
        case END -> "end of the expression";
        case NAME -> "name '" + shorten(text) + "'";
        case NUMBER -> "number " + text;
        default -> "'" + text + "'";
      };
    }
  }

  private final String src;
  private int pos;

  Lexer(String src) {
    this.src = src;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  /** A name as a message quotes it: at most 40 characters. */
  static String shorten(String name) {
    return name.length() <= 40 ? name : name.substring(0, 37) + "...";
  }

  /** The value of a named constant, or null. */
  static Double constant(String name) {
    return switch (name) {
      case "pi" -> Math.PI;
      case "e" -> Math.E;
      default -> null;
    };
  }

  Token next() throws ExpressionException {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        break;
      }
    }
    int start = pos;
    if (pos >= src.length()) {
      return new Token(Kind.END, "", start, 0);
    }
    char c = src.charAt(pos);
    char d = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
    if (isDigit(c) || (c == '.' && isDigit(d))) {
      return number();
    }
    if (isNameStart(c)) {
      while (pos < src.length() && isNamePart(src.charAt(pos))) {
        pos++;
      }
      return new Token(Kind.NAME, src.substring(start, pos), start, 0);
    }
    switch (c) {
      case '(':
        return single(Kind.LPAREN);
      case ')':
        return single(Kind.RPAREN);
      case '[':
        return single(Kind.LBRACKET);
      case ']':
        return single(Kind.RBRACKET);
      case ',':
        return single(Kind.COMMA);
      case '?':
        return single(Kind.QUESTION);
      case ':':
        return single(Kind.COLON);
      case '+':
        return single(Kind.PLUS);
      case '*':
        return single(Kind.STAR);
      case '^':
        return single(Kind.CARET);
      case '-':
        if (d == '>') {
          throw error(start, "unexpected '->'", "expressions have no functions of their own");
        }
        return single(Kind.MINUS);
      case '/':
        if (d == '/' || d == '*') {
          throw error(start, "unexpected '/" + d + "'", "expressions have no comments");
        }
        return single(Kind.SLASH);
      case '<':
        return d == '=' ? pair(Kind.LE) : single(Kind.LT);
      case '>':
        return d == '=' ? pair(Kind.GE) : single(Kind.GT);
      case '=':
        if (d == '=') {
          return pair(Kind.EQ);
        }
        throw error(start, "unexpected '='", "there is no assignment; compare with '=='");
      case '!':
        return d == '=' ? pair(Kind.NE) : single(Kind.NOT);
      case '&':
        if (d == '&') {
          return pair(Kind.AND);
        }
        throw error(start, "unexpected '&'", "write '&&' for and");
      case '|':
        if (d == '|') {
          return pair(Kind.OR);
        }
        throw error(start, "unexpected '|'", "write '||' for or");
      case '.':
        throw error(
            start,
            "unexpected '.'",
            "expressions have no member access; numbers are written like 0.5");
      case '"':
      case '\'':
      case '`':
        throw error(
            start,
            "unexpected " + (c == '\'' ? "\"'\"" : "'" + c + "'"),
            "expressions have no strings");
      case '\\':
        throw error(start, "unexpected '\\'", "expressions have no escapes");
      case ';':
        throw error(start, "unexpected ';'", "an expression is one formula, not statements");
      case '{':
      case '}':
        throw error(start, "unexpected '" + c + "'", "expressions have no blocks");
      default:
        throw unexpectedCharacter(start);
    }
  }

  private Token single(Kind kind) {
    pos++;
    return new Token(kind, src.substring(pos - 1, pos), pos - 1, 0);
  }

  private Token pair(Kind kind) {
    pos += 2;
    return new Token(kind, src.substring(pos - 2, pos), pos - 2, 0);
  }

  /** digits [. digits] [(e|E) [+|-] digits], or . digits [exponent]; no suffix may follow. */
  private Token number() throws ExpressionException {
    int start = pos;
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos < src.length() && src.charAt(pos) == '.') {
      pos++;
      if (!(pos < src.length() && isDigit(src.charAt(pos)))) {
        throw malformed(start, "a decimal point must be followed by digits, as in 2.0");
      }
      while (pos < src.length() && isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (!(pos < src.length() && isDigit(src.charAt(pos)))) {
        throw malformed(start, "an exponent needs digits, as in 1e-3");
      }
      while (pos < src.length() && isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (isNamePart(src.charAt(pos)) || src.charAt(pos) == '.')) {
      throw malformed(start, "numbers are decimal, like 12, 0.5 or 1e-3");
    }
    String text = src.substring(start, pos);
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw error(
          start,
          "number too long",
          text.length() + " characters; the limit is " + MAX_NUMBER_LENGTH);
    }
    double v = Double.parseDouble(text);
    if (Double.isInfinite(v)) {
      throw error(start, "number " + text + " is too large", "the largest number is about 1.8e308");
    }
    if (v == 0 && hasNonZeroDigit(text)) {
      throw error(start, "number " + text + " is too small", "it would round to 0");
    }
    return new Token(Kind.NUMBER, text, start, v);
  }

  private static boolean hasNonZeroDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        return false;
      }
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private ExpressionException malformed(int start, String detail) {
    int end = pos;
    while (end < src.length()
        && end - start < 40
        && (isNamePart(src.charAt(end)) || src.charAt(end) == '.')) {
      end++;
    }
    return error(start, "malformed number '" + src.substring(start, end) + "'", detail);
  }

  private ExpressionException unexpectedCharacter(int at) {
    int cp = src.codePointAt(at);
    boolean printable =
        !Character.isISOControl(cp)
            && Character.isDefined(cp)
            && !(cp <= 0xffff && Character.isSurrogate((char) cp));
    String shown =
        cp >= 0x20 && cp < 0x7f
            ? "'" + (char) cp + "'"
            : String.format("character U+%04X", cp)
                + (printable ? " '" + new String(Character.toChars(cp)) + "'" : "");
    return error(
        at,
        "unexpected " + shown,
        "expressions use ASCII letters, digits, _ and the operators + - * / ^ < > = ! & | ? :");
  }

  private ExpressionException error(int column, String problem, String detail) {
    return new ExpressionException(src, column, problem, detail);
  }
}
