package org.nvlab.core.expr;

/**
 * An expression could not be accepted: where (the 0-based column, an offset into the source) and
 * why, phrased for the person who typed it, e.g. {@code unknown variable 'a_k' at column 14 (known:
 * a_i, a_j, w_ij)}. Parsing, checking and compiling throw only this; nothing is half-applied.
 */
public final class ExpressionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int column;
  private final String problem;
  private final String detail;

  ExpressionException(String source, int column, String problem, String detail) {
    super(problem + " at column " + column + (detail == null ? "" : " (" + detail + ")"));
    this.source = source;
    this.column = column;
    this.problem = problem;
    this.detail = detail;
  }

  /** The text that was rejected. */
  public String source() {
    return source;
  }

  /** The 0-based offset in {@link #source()} where the problem is (its length at the end). */
  public int column() {
    return column;
  }

  /** The message without the column, e.g. {@code unknown variable 'a_k' (known: a_i, a_j)}. */
  public String reason() {
    return detail == null ? problem : problem + " (" + detail + ")";
  }

  /**
   * Two lines for a monospaced display: the line of the source that holds the problem and a caret
   * under its column.
   */
  public String pointer() {
    int start = source.lastIndexOf('\n', column - 1) + 1;
    int end = source.indexOf('\n', start);
    if (end < 0) {
      end = source.length();
    }
    StringBuilder b = new StringBuilder();
    for (int i = start; i < end; i++) {
      char ch = source.charAt(i);
      b.append(ch < ' ' ? ' ' : ch);
    }
    b.append('\n');
    for (int i = start; i < column; i++) {
      b.append(' ');
    }
    return b.append('^').toString();
  }
}
